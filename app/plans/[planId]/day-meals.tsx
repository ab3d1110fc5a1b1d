"use client";
/**
 * The meals of the day shown in the plan editor (breakfast, lunch, dinner, snacks), each
 * with its entries, dishes and tools; or, while a long plan's other days are being fetched
 * (the page comes with day 1's entries only), a loading line and a retry.
 */
import { MealSection } from "./meal-section";
import { CopyMeal, UndoRemoval } from "./meal-tools";
import { MEALS, type Totals, type usePlanEditor } from "./use-plan-editor";

export function DayMeals({
  editor,
  day,
  meals,
  labelOf,
}: {
  editor: ReturnType<typeof usePlanEditor>;
  day: number;
  meals: Totals["days"][number]["meals"];
  labelOf: (day: number) => string;
}) {
  const { plan, totals, planId, mutations } = editor;
  if (!editor.dayLoaded) {
    return (
      <div className="stack" role="status">
        {editor.dayLoadError ? (
          <>
            <p className="alert error">
              The foods of {labelOf(day)} could not be loaded: {editor.dayLoadError}
            </p>
            <p>
              <button type="button" className="secondary" onClick={editor.retryDayLoad}>
                Try again
              </button>
            </p>
          </>
        ) : (
          <p className="muted">Loading the foods of {labelOf(day)}…</p>
        )}
      </div>
    );
  }
  return MEALS.map(({ meal, label }) => {
    const mealTotal = meals.find((item) => item.meal === meal);
    const entries = plan.entries.filter((entry) => entry.day === day && entry.meal === meal);
    const dishes = plan.dishes.filter((dish) => dish.day === day && dish.meal === meal);
    return (
      <MealSection
        key={meal}
        meal={meal}
        label={label}
        b12Micrograms={mealTotal?.b12Micrograms ?? 0}
        supplementMicrograms={mealTotal?.supplementB12Micrograms ?? 0}
        absorbedMicrograms={mealTotal?.absorbedB12Micrograms ?? 0}
        complete={mealTotal?.complete ?? true}
        entries={entries}
        dishes={dishes}
        portionsByFood={plan.portionsByFood}
        dayCount={totals.days.length}
        labelOf={labelOf}
        searchDiet={editor.searchDiet}
        busy={mutations.addEntry.isPending || mutations.addRecipe.isPending}
        onAdd={(foodId, amount) =>
          mutations.addEntry
            .mutateAsync({ planId, day, meal, foodId, ...amount })
            .then(() => undefined)
        }
        onUpdate={(entryId, amount) => mutations.updateEntry.mutate({ entryId, ...amount })}
        onMove={(entryId, toDay, toMeal) =>
          mutations.moveEntry.mutate({ entryId, day: toDay, meal: toMeal })
        }
        onRemove={(entryId) => {
          const foodName = entries.find((entry) => entry.id === entryId)?.foodName ?? "";
          editor.removal.remove({ entryId, foodName, day, meal });
        }}
        onAddRecipe={(recipeId, servings) =>
          mutations.addRecipe
            .mutateAsync({ planId, day, meal, recipeId, servings })
            .then(() => undefined)
        }
        onUpdateDish={(dishId, servings) =>
          mutations.updateDish.mutate({ planId, dishId, servings })
        }
        onRemoveDish={(dishId) => mutations.removeDish.mutate({ planId, dishId })}
        tools={
          <>
            {editor.removal.removed?.day === day && editor.removal.removed.meal === meal && (
              <UndoRemoval
                removed={editor.removal.removed}
                busy={editor.removal.busy}
                onUndo={editor.removal.undo}
                onDismiss={editor.removal.dismiss}
              />
            )}
            {entries.length + dishes.length > 0 && (
              <CopyMeal
                planId={planId}
                day={day}
                meal={meal}
                dayCount={totals.days.length}
                labelOf={labelOf}
                onApplied={editor.applyEdit}
              />
            )}
          </>
        }
      />
    );
  });
}
