"use client";
/**
 * One meal of a day: its B12 (and supplements taken with it), the estimated absorbed
 * amount of that sitting, its entries with their amount, move and remove actions, and
 * the add-food panel. Numbers come from the server; this only shows them. A meal has no
 * verdict of its own: the day and the plan carry the one status.
 */
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { formatB12, formatGrams, formatMicrograms } from "@/app/_lib/format";
import { AddFood } from "./add-food";
import { AddRecipe } from "./add-recipe";
import { AmountEditor } from "./amount-editor";
import { DishRow } from "./dish-row";
import { type Dish, type Entry, MEALS, type Meal, type Plan } from "./use-plan-editor";

export function MealSection(props: {
  meal: Meal;
  label: string;
  b12Micrograms: number;
  supplementMicrograms: number;
  absorbedMicrograms: number;
  complete: boolean;
  entries: Entry[];
  /** Recipes eaten in this meal, ordered with the entries by position. */
  dishes: Dish[];
  portionsByFood: Plan["portionsByFood"];
  dayCount: number;
  labelOf: (day: number) => string;
  searchDiet: "vegan" | "vegetarian" | "any";
  busy: boolean;
  onAdd: (
    foodId: string,
    amount: { grams: number } | { portionId: string; quantity: number },
  ) => Promise<void>;
  onUpdate: (
    entryId: string,
    amount: { grams: number } | { portionId: string; quantity: number },
  ) => void;
  onMove: (entryId: string, day: number, meal: Meal) => void;
  onRemove: (entryId: string) => void;
  onAddRecipe: (recipeId: string, servings: number) => Promise<void>;
  onUpdateDish: (dishId: string, servings: number) => void;
  onRemoveDish: (dishId: string) => void;
  /** Undo of a removal and "Copy this meal…" (meal-tools.tsx). */
  tools?: React.ReactNode;
}) {
  const [adding, setAdding] = useState<"food" | "recipe" | null>(null);
  const headingId = useId();
  // When the add-food panel closes (food added, or Close), focus returns to the button that
  // opened it; otherwise it falls to <body> and a keyboard user starts again from the top.
  const addButton = useRef<HTMLButtonElement>(null);
  const recipeButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef<"food" | "recipe" | null>(null);
  useEffect(() => {
    if (wasAdding.current && !adding) {
      (wasAdding.current === "recipe" ? recipeButton : addButton).current?.focus();
    }
    wasAdding.current = adding;
  }, [adding]);
  return (
    <section className="card meal deferred-layout" aria-labelledby={headingId}>
      <div className="meal-header">
        <h3 id={headingId}>{props.label}</h3>
        <span className="meal-total">
          {formatMicrograms(props.b12Micrograms)} µg{props.complete ? "" : " or more"}
          {props.supplementMicrograms > 0 && (
            <span className="meal-percent">
              {" "}
              + {formatMicrograms(props.supplementMicrograms)} µg supplement
            </span>
          )}
          {(props.b12Micrograms > 0 || props.supplementMicrograms > 0) && (
            <span className="meal-percent">
              {" "}
              · ≈ {formatMicrograms(props.absorbedMicrograms)} µg absorbed
            </span>
          )}
        </span>
      </div>
      {props.entries.length + props.dishes.length === 0 ? (
        <p className="muted small">Nothing yet.</p>
      ) : (
        <ul className="entries">
          {mealItems(props.entries, props.dishes).map((item) =>
            item.kind === "entry" ? (
              <EntryRow
                key={item.entry.id}
                entry={item.entry}
                portions={props.portionsByFood[item.entry.foodId] ?? []}
                {...props}
              />
            ) : (
              <DishRow
                key={item.dish.id}
                dish={item.dish}
                onUpdate={props.onUpdateDish}
                onRemove={props.onRemoveDish}
              />
            ),
          )}
        </ul>
      )}
      {props.tools}
      {adding === "food" && (
        <AddFood
          mealLabel={props.label}
          diet={props.searchDiet}
          busy={props.busy}
          onAdd={(food, amount) => {
            void props.onAdd(food.id, amount).then(() => setAdding(null));
          }}
          onClose={() => setAdding(null)}
        />
      )}
      {adding === "recipe" && (
        <AddRecipe
          mealLabel={props.label}
          busy={props.busy}
          onAdd={(recipeId, servings) =>
            props.onAddRecipe(recipeId, servings).then(() => setAdding(null))
          }
          onClose={() => setAdding(null)}
        />
      )}
      {adding === null && (
        <div className="actions">
          <button
            ref={addButton}
            type="button"
            className="secondary"
            data-add-food
            onClick={() => setAdding("food")}
          >
            Add food<span className="sr-only"> to {props.label.toLowerCase()}</span>
          </button>
          <button
            ref={recipeButton}
            type="button"
            className="secondary"
            onClick={() => setAdding("recipe")}
          >
            Add a recipe<span className="sr-only"> to {props.label.toLowerCase()}</span>
          </button>
        </div>
      )}
    </section>
  );
}

/** Entries and dishes in the order they were put in the meal (they share one position sequence). */
function mealItems(
  entries: Entry[],
  dishes: Dish[],
): (
  | { kind: "entry"; entry: Entry; position: number }
  | { kind: "dish"; dish: Dish; position: number }
)[] {
  return [
    ...entries.map((entry) => ({ kind: "entry" as const, entry, position: entry.position })),
    ...dishes.map((dish) => ({ kind: "dish" as const, dish, position: dish.position })),
  ].sort((a, b) => a.position - b.position);
}

function describeAmount(entry: Entry): string {
  if (entry.portionLabel && entry.quantity !== null) {
    const count = Number(entry.quantity.toFixed(3));
    return `${count} × ${entry.portionLabel} (${formatGrams(entry.grams)})`;
  }
  return formatGrams(entry.grams);
}

function EntryRow(props: {
  entry: Entry;
  portions: Plan["portionsByFood"][string];
  dayCount: number;
  labelOf: (day: number) => string;
  onUpdate: (
    entryId: string,
    amount: { grams: number } | { portionId: string; quantity: number },
  ) => void;
  onMove: (entryId: string, day: number, meal: Meal) => void;
  onRemove: (entryId: string) => void;
}) {
  const { entry } = props;
  const ids = useId();
  const [mode, setMode] = useState<"view" | "amount" | "move">("view");
  const [moveDay, setMoveDay] = useState(String(entry.day));
  const [moveMeal, setMoveMeal] = useState<Meal>(entry.meal);
  return (
    <li className="entry">
      <div className="entry-main">
        <Link
          prefetch={false}
          href={`/foods/${encodeURIComponent(entry.foodId)}`}
          className="entry-name"
        >
          {entry.foodName}
        </Link>
        <span className="entry-amount muted">{describeAmount(entry)}</span>
        <span className={`entry-b12${entry.b12Micrograms === null ? " unknown" : ""}`}>
          {entry.b12Micrograms === null ? "B12 unknown" : formatB12(entry.b12Micrograms)}
        </span>
      </div>
      {mode === "amount" && (
        <AmountEditor
          portions={props.portions}
          initial={{ portionId: entry.portionId, quantity: entry.quantity, grams: entry.grams }}
          submitLabel="Save amount"
          onSubmit={(amount) => {
            props.onUpdate(entry.id, amount);
            setMode("view");
          }}
          onCancel={() => setMode("view")}
        />
      )}
      {mode === "move" && (
        <form
          className="actions"
          onSubmit={(event) => {
            event.preventDefault();
            props.onMove(entry.id, Number(moveDay), moveMeal);
            setMode("view");
          }}
        >
          <label htmlFor={`${ids}-day`} className="sr-only">
            Move to day
          </label>
          <select
            id={`${ids}-day`}
            value={moveDay}
            onChange={(event) => setMoveDay(event.target.value)}
          >
            {Array.from({ length: props.dayCount }, (_, index) => index + 1).map((day) => (
              <option key={day} value={day}>
                {props.labelOf(day)}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-meal`} className="sr-only">
            Move to meal
          </label>
          <select
            id={`${ids}-meal`}
            value={moveMeal}
            onChange={(event) => setMoveMeal(event.target.value as Meal)}
          >
            {MEALS.map((option) => (
              <option key={option.meal} value={option.meal}>
                {option.label}
              </option>
            ))}
          </select>
          <button type="submit">Move</button>
          <button type="button" className="secondary" onClick={() => setMode("view")}>
            Cancel
          </button>
        </form>
      )}
      {mode === "view" && (
        <div className="actions entry-actions">
          <button type="button" className="link-button" onClick={() => setMode("amount")}>
            Change amount<span className="sr-only"> of {entry.foodName}</span>
          </button>
          <button type="button" className="link-button" onClick={() => setMode("move")}>
            Move<span className="sr-only"> {entry.foodName}</span>
          </button>
          <button type="button" className="link-button" onClick={() => props.onRemove(entry.id)}>
            Remove<span className="sr-only"> {entry.foodName}</span>
          </button>
        </div>
      )}
    </li>
  );
}
