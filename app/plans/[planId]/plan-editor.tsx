"use client";
/**
 * The plan editor: days as tabs, each with breakfast, lunch, dinner and snacks; entries
 * with their B12; meal and day totals against the target; copy a day; charts. Every
 * number comes from the server (plans.get and plans.totals); this only shows it.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { planDayLabel } from "@/app/_lib/dates";
import { formatB12, formatGrams, formatMicrograms } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/trpc/root";
import { LazyDayChart, LazyFoodShareChart } from "./_charts/lazy-charts";
import { AddFood } from "./add-food";
import { AmountEditor } from "./amount-editor";
import { CopyMeal, UndoRemoval, useUndoableRemoval } from "./meal-tools";
import { SuggestionsPanel } from "./suggestions-panel";
import { SupplementsPanel } from "./supplements-panel";

type Plan = RouterOutputs["plans"]["get"];
type Totals = RouterOutputs["plans"]["totals"];
type Entry = Plan["entries"][number];
type Meal = Entry["meal"];

const MEALS: { meal: Meal; label: string }[] = [
  { meal: "breakfast", label: "Breakfast" },
  { meal: "lunch", label: "Lunch" },
  { meal: "dinner", label: "Dinner" },
  { meal: "snack", label: "Snacks" },
];

function formatPercent(value: number | null): string {
  if (value === null) return "";
  return `${value >= 10 ? Math.round(value) : Number(value.toFixed(1))}%`;
}

function unknownNote(unknown: number, count: number): string {
  return `${unknown} of ${count} item${count === 1 ? "" : "s"} ${unknown === 1 ? "has" : "have"} no B12 data; the total is a lower bound.`;
}

export function PlanEditor({
  initialPlan,
  initialTotals,
}: {
  initialPlan: Plan;
  initialTotals: Totals;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const planId = initialPlan.id;
  const plan = useQuery({
    ...trpc.plans.get.queryOptions({ planId }),
    initialData: initialPlan,
  }).data;
  const totals = useQuery({
    ...trpc.plans.totals.queryOptions({ planId }),
    initialData: initialTotals,
  }).data;
  const profile = useQuery(trpc.profile.get.queryOptions());
  const [selectedDay, setSelectedDay] = useState(1);
  const [error, setError] = useState<string | null>(null);

  const onError = (failure: { message: string }) => setError(failure.message);
  // Edits return the plan and its totals as they now are: show them at once (one round trip).
  const applyEdit = (result: { plan: Plan; totals: Totals }) => {
    setError(null);
    queryClient.setQueryData(trpc.plans.get.queryKey({ planId }), result.plan);
    queryClient.setQueryData(trpc.plans.totals.queryKey({ planId }), result.totals);
    void queryClient.invalidateQueries({ queryKey: trpc.plans.list.queryKey() });
    void queryClient.invalidateQueries({
      queryKey: trpc.plans.suggestions.queryKey({ planId }),
    });
  };
  const options = { onSuccess: applyEdit, onError };
  const addEntry = useMutation(trpc.plans.addEntry.mutationOptions(options));
  const updateEntry = useMutation(trpc.plans.updateEntry.mutationOptions(options));
  const moveEntry = useMutation(trpc.plans.moveEntry.mutationOptions(options));
  const removal = useUndoableRemoval(applyEdit, onError);
  const copyDay = useMutation(trpc.plans.copyDay.mutationOptions(options));

  // Charts redraw at a lower priority than the numbers: an edit shows at once, the
  // charts follow a moment later (Recharts redraws of 28 stacked bars are the slow part).
  const chartTotals = useDeferredValue(totals);
  const target = totals.target;
  const day = totals.days.find((item) => item.day === selectedDay) ?? totals.days[0];
  const chartDay = chartTotals.days.find((item) => item.day === selectedDay) ?? chartTotals.days[0];
  const dayLabels = new Map(plan.days.map((item) => [item.day, planDayLabel(item.day, item.date)]));
  const labelOf = (dayNumber: number) => dayLabels.get(dayNumber) ?? `Day ${dayNumber}`;
  // Foods that give no B12 are not "where the B12 comes from".
  const givingB12 = totals.topFoods.filter((food) => food.b12Micrograms > 0);
  const profileDiet = profile.data?.profile.diet;
  const searchDiet = profileDiet === "vegan" || profileDiet === "vegetarian" ? profileDiet : "any";

  return (
    <div className="stack">
      <p className="small">
        <Link href="/plans">← All plans</Link>
      </p>
      <h1>{plan.name}</h1>
      <p className="actions">
        <Link href={`/plans/${encodeURIComponent(plan.id)}/shopping`}>Shopping list</Link>
      </p>

      <section className="summary-grid" aria-label="Plan summary">
        <div className={`card${totals.meetsTarget === false ? " short" : ""}`}>
          <h2 className="card-title">Intake, daily average</h2>
          <p className="big-number">
            {formatMicrograms(totals.averageB12Micrograms)} µg
            {!totals.averageComplete && <span className="lower-bound"> or more</span>}
          </p>
          <p className="muted">
            {target.micrograms === null
              ? "Your reference standard sets no target for this age."
              : `${formatPercent(totals.averagePercentOfTarget)} of your ${formatMicrograms(target.micrograms)} µg target`}
          </p>
          {totals.averageSupplementB12Micrograms > 0 && (
            <p className="small">
              Food {formatMicrograms(totals.averageFoodB12Micrograms)} µg + supplements{" "}
              {formatMicrograms(totals.averageSupplementB12Micrograms)} µg
            </p>
          )}
          {!totals.averageComplete && (
            <p className="small warn-text">
              {unknownNote(totals.unknownEntries, totals.entryCount)}
            </p>
          )}
        </div>
        <div className={`card${totals.meetsAbsorbedTarget === false ? " short" : ""}`}>
          <h2 className="card-title">Estimated absorbed, daily average</h2>
          <p className="big-number">
            {formatMicrograms(totals.averageAbsorbedB12Micrograms)} µg
            {!totals.averageComplete && <span className="lower-bound"> or more</span>}
          </p>
          <p className="muted">
            {totals.absorbedTargetMicrograms === null
              ? "No target to compare with."
              : `${totals.meetsAbsorbedTarget ? "✓ meets" : "▼ below"} the ${formatMicrograms(totals.absorbedTargetMicrograms)} µg your target implies (half of it: the IOM assumes 50% absorption)`}
          </p>
          {totals.absorption.foodBoundRelease === "impaired" &&
            totals.averageAbsorbedUpperB12Micrograms > totals.averageAbsorbedB12Micrograms && (
              <p className="small">
                Up to {formatMicrograms(totals.averageAbsorbedUpperB12Micrograms)} µg if your
                stomach releases the B12 in food normally.
              </p>
            )}
          {totals.days.some((item) => item.injectedMicrograms > 0) && (
            <p className="small">
              Injections are not part of this estimate: they bypass the gut, and the sources give no
              absorption figure for them. Your clinician follows their effect.
            </p>
          )}
          <p className="small">
            <Link href="/learn#how-this-app-estimates">How this is estimated</Link>
          </p>
        </div>
        <div className="card">
          <h2 className="card-title">Target</h2>
          <p>
            <strong>
              {target.micrograms === null
                ? "No value set"
                : `${formatMicrograms(target.micrograms)} µg a day`}
            </strong>{" "}
            <span className="muted">
              ({target.standardName}, {target.lifeStage.toLowerCase()}; {target.source})
            </span>
          </p>
          {totals.profileIsDefault && (
            <p className="small warn-text">This uses the default adult profile.</p>
          )}
          <Link href="/profile">Change your profile</Link>
        </div>
        <div className="card">
          <h2 className="card-title">Most B12 from</h2>
          {givingB12.length === 0 ? (
            <p className="muted">No foods with B12 yet.</p>
          ) : (
            <ol className="top-foods">
              {givingB12.slice(0, 4).map((food) => (
                <li key={food.foodId}>
                  {food.foodName} <span className="muted">{formatB12(food.b12Micrograms)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>

      {totals.absorption.risks.length > 0 && (
        <section className="alert warn" aria-label="What affects your absorption">
          <ul className="notes">
            {totals.absorption.risks.map((risk) => (
              <li key={risk.id}>
                {risk.message} <span className="small">({risk.source})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {error && (
        <div className="alert error" role="alert">
          Not saved: {error}
        </div>
      )}

      <div className="day-tabs" role="tablist" aria-label="Days of the plan">
        {totals.days.map((item) => {
          const selected = item.day === day?.day;
          return (
            <button
              key={item.day}
              type="button"
              role="tab"
              id={`${ids}-tab-${item.day}`}
              aria-selected={selected}
              aria-controls={`${ids}-panel`}
              tabIndex={selected ? 0 : -1}
              className={`day-tab${selected ? " selected" : ""}${item.meetsTarget === false ? " short" : ""}`}
              onClick={() => setSelectedDay(item.day)}
              onKeyDown={(event) => {
                if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
                const next = item.day + (event.key === "ArrowRight" ? 1 : -1);
                if (next < 1 || next > totals.days.length) return;
                setSelectedDay(next);
                document.getElementById(`${ids}-tab-${next}`)?.focus();
              }}
            >
              <span className="day-tab-label">{labelOf(item.day)}</span>
              <span className="day-tab-total">
                {formatMicrograms(item.b12Micrograms)} µg{item.complete ? "" : "*"}
              </span>
              {item.meetsTarget !== null && (
                <span className="day-tab-status">{item.meetsTarget ? "✓ target" : "▼ below"}</span>
              )}
            </button>
          );
        })}
      </div>

      {day && (
        <section
          id={`${ids}-panel`}
          role="tabpanel"
          aria-labelledby={`${ids}-tab-${day.day}`}
          className="day-panel stack"
        >
          <div className={`card day-total${day.meetsTarget === false ? " short" : ""}`}>
            <h2 className="card-title">{labelOf(day.day)}</h2>
            <p className="big-number">
              {formatMicrograms(day.b12Micrograms)} µg
              {!day.complete && <span className="lower-bound"> or more</span>}
            </p>
            <p>
              {day.percentOfTarget === null
                ? "No target to compare with."
                : `${formatPercent(day.percentOfTarget)} of the ${formatMicrograms(target.micrograms ?? 0)} µg target${day.meetsTarget ? "" : ": below target"}`}
            </p>
            {day.supplementB12Micrograms > 0 && (
              <p className="small">
                Includes supplements: {formatMicrograms(day.supplementB12Micrograms)} µg
              </p>
            )}
            <p>
              Estimated absorbed: <strong>{formatMicrograms(day.absorbedB12Micrograms)} µg</strong>
              {day.absorbedTargetMicrograms !== null &&
                ` (absorbed target ${formatMicrograms(day.absorbedTargetMicrograms)} µg)`}
            </p>
            {!day.complete && (
              <p className="warn-text">{unknownNote(day.unknownEntries, day.entryCount)}</p>
            )}
            <CopyDay
              day={day.day}
              dayCount={totals.days.length}
              labelOf={labelOf}
              busy={copyDay.isPending}
              onCopy={(toDays, replace) =>
                copyDay.mutate({ planId, fromDay: day.day, toDays, replace })
              }
              done={copyDay.isSuccess ? copyDay.data.copiedEntries : null}
            />
          </div>

          {MEALS.map(({ meal, label }) => {
            const mealTotal = day.meals.find((item) => item.meal === meal);
            const entries = plan.entries.filter(
              (entry) => entry.day === day.day && entry.meal === meal,
            );
            return (
              <MealSection
                key={meal}
                meal={meal}
                label={label}
                b12Micrograms={mealTotal?.b12Micrograms ?? 0}
                supplementMicrograms={mealTotal?.supplementB12Micrograms ?? 0}
                absorbedMicrograms={mealTotal?.absorbedB12Micrograms ?? 0}
                percentOfTarget={mealTotal?.percentOfTarget ?? null}
                complete={mealTotal?.complete ?? true}
                entries={entries}
                portionsByFood={plan.portionsByFood}
                dayCount={totals.days.length}
                labelOf={labelOf}
                searchDiet={searchDiet}
                busy={addEntry.isPending}
                onAdd={(foodId, amount) =>
                  addEntry
                    .mutateAsync({ planId, day: day.day, meal, foodId, ...amount })
                    .then(() => undefined)
                }
                onUpdate={(entryId, amount) => updateEntry.mutate({ entryId, ...amount })}
                onMove={(entryId, toDay, toMeal) =>
                  moveEntry.mutate({ entryId, day: toDay, meal: toMeal })
                }
                onRemove={(entryId) => {
                  const foodName = entries.find((entry) => entry.id === entryId)?.foodName ?? "";
                  removal.remove({ entryId, foodName, day: day.day, meal });
                }}
                tools={
                  <>
                    {removal.removed?.day === day.day && removal.removed.meal === meal && (
                      <UndoRemoval
                        removed={removal.removed}
                        busy={removal.busy}
                        onUndo={removal.undo}
                        onDismiss={removal.dismiss}
                      />
                    )}
                    {entries.length > 0 && (
                      <CopyMeal
                        planId={planId}
                        day={day.day}
                        meal={meal}
                        dayCount={totals.days.length}
                        labelOf={labelOf}
                        onApplied={applyEdit}
                      />
                    )}
                  </>
                }
              />
            );
          })}
        </section>
      )}

      <SupplementsPanel plan={plan} onApplied={applyEdit} />
      <SuggestionsPanel planId={planId} onApplied={applyEdit} />

      <section aria-labelledby={`${ids}-charts`} className="stack">
        <h2 id={`${ids}-charts`}>Charts</h2>
        <LazyDayChart totals={chartTotals} />
        {chartDay && <LazyFoodShareChart day={chartDay} label={labelOf(chartDay.day)} />}
      </section>
    </div>
  );
}

function MealSection(props: {
  meal: Meal;
  label: string;
  b12Micrograms: number;
  supplementMicrograms: number;
  absorbedMicrograms: number;
  percentOfTarget: number | null;
  complete: boolean;
  entries: Entry[];
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
  /** Undo of a removal and "Copy this meal…" (meal-tools.tsx). */
  tools?: React.ReactNode;
}) {
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  // When the add-food panel closes (food added, or Close), focus returns to the button that
  // opened it; otherwise it falls to <body> and a keyboard user starts again from the top.
  const addButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => {
    if (wasAdding.current && !adding) addButton.current?.focus();
    wasAdding.current = adding;
  }, [adding]);
  return (
    <section className="card meal" aria-labelledby={headingId}>
      <div className="meal-header">
        <h3 id={headingId}>{props.label}</h3>
        <span className="meal-total">
          {formatMicrograms(props.b12Micrograms)} µg{props.complete ? "" : " or more"}
          {props.percentOfTarget !== null && (
            <span className="meal-percent">
              {" "}
              · {formatPercent(props.percentOfTarget)} of target
            </span>
          )}
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
      {props.entries.length === 0 ? (
        <p className="muted small">Nothing yet.</p>
      ) : (
        <ul className="entries">
          {props.entries.map((entry) => (
            <EntryRow
              key={entry.id}
              entry={entry}
              portions={props.portionsByFood[entry.foodId] ?? []}
              {...props}
            />
          ))}
        </ul>
      )}
      {props.tools}
      {adding ? (
        <AddFood
          mealLabel={props.label}
          diet={props.searchDiet}
          busy={props.busy}
          onAdd={(food, amount) => {
            void props.onAdd(food.id, amount).then(() => setAdding(false));
          }}
          onClose={() => setAdding(false)}
        />
      ) : (
        <button
          ref={addButton}
          type="button"
          className="secondary"
          data-add-food
          onClick={() => setAdding(true)}
        >
          Add food<span className="sr-only"> to {props.label.toLowerCase()}</span>
        </button>
      )}
    </section>
  );
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
        <Link href={`/foods/${encodeURIComponent(entry.foodId)}`} className="entry-name">
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

function CopyDay(props: {
  day: number;
  dayCount: number;
  labelOf: (day: number) => string;
  busy: boolean;
  done: number | null;
  onCopy: (toDays: number[], replace: boolean) => void;
}) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const [replace, setReplace] = useState(false);
  if (props.dayCount === 1) return null;
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Copy this day to other days…
      </button>
    );
  }
  const others = Array.from({ length: props.dayCount }, (_, index) => index + 1).filter(
    (day) => day !== props.day,
  );
  return (
    <form
      className="stack copy-day"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length === 0) return;
        props.onCopy(chosen, replace);
        setOpen(false);
        setChosen([]);
      }}
    >
      <fieldset>
        <legend>Copy {props.labelOf(props.day)} to</legend>
        <div className="copy-days">
          {others.map((day) => (
            <label key={day} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(day)}
                onChange={(event) =>
                  setChosen((list) =>
                    event.target.checked ? [...list, day] : list.filter((item) => item !== day),
                  )
                }
              />
              {props.labelOf(day)}
            </label>
          ))}
        </div>
        <div className="actions">
          <button type="button" className="link-button" onClick={() => setChosen(others)}>
            Select all
          </button>
        </div>
        <label className="choice" htmlFor={`${ids}-replace`}>
          <input
            id={`${ids}-replace`}
            type="checkbox"
            checked={replace}
            onChange={(event) => setReplace(event.target.checked)}
          />
          Replace what those days already have (otherwise the foods are added)
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={props.busy || chosen.length === 0}>
          Copy to {chosen.length} day{chosen.length === 1 ? "" : "s"}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
