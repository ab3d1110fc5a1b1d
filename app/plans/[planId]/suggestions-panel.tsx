"use client";
/**
 * What to change when a plan falls short: foods that fit the diet, supplement regimens,
 * notes for the person's age and conditions. Everything comes from plans.suggestions;
 * the buttons only send what a suggestion already says (which food, which meals, which
 * dose) to plans.addToDays or plans.addSupplement.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { formatMicrograms } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/trpc/root";
import { RecipeSuggestions } from "./recipe-suggestions";

type Suggestions = RouterOutputs["plans"]["suggestions"];
/** Suggestions the server rendered with the page, and whose they are. */
export type InitialSuggestions = { personId: string; data: Suggestions };
type FoodSuggestion = Suggestions["foods"][number];
type EditResult = RouterOutputs["plans"]["addSupplement"];

const MEAL_WORDS: Record<string, string> = {
  breakfast: "breakfast",
  lunch: "lunch",
  dinner: "dinner",
  snack: "a snack",
};

function mealList(meals: readonly string[]): string {
  const words = meals.map((meal) => MEAL_WORDS[meal] ?? meal);
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

export function SuggestionsPanel({
  planId,
  personId,
  initial,
  onApplied,
}: {
  planId: string;
  /** Whose suggestions: the person whose totals the page shows. */
  personId?: string;
  initial?: InitialSuggestions;
  onApplied: (result: EditResult) => void;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const query = useQuery({
    ...trpc.plans.suggestions.queryOptions({ planId, personId }),
    initialData: initial && initial.personId === personId ? initial.data : undefined,
  });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const options = (message: string) => ({
    onSuccess: (result: EditResult) => {
      setError(null);
      setDone(message);
      onApplied(result);
    },
    onError: (failure: { message: string }) => setError(failure.message),
  });
  const addFood = useMutation(trpc.plans.addToDays.mutationOptions(options("Added to every day.")));
  const addSupplement = useMutation(
    trpc.plans.addSupplement.mutationOptions(options("Supplement added to the plan.")),
  );
  const busy = addFood.isPending || addSupplement.isPending;

  const applyFood = (food: FoodSuggestion) =>
    addFood.mutate({
      planId,
      foodId: food.foodId,
      meals: food.meals,
      ...(food.portionId !== null
        ? { portionId: food.portionId, quantity: 1 }
        : { grams: food.gramsPerPortion }),
    });

  const data = query.data;
  return (
    <section className="card stack suggestions deferred-layout" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        Suggestions
      </h2>
      {query.isPending && <p className="muted">Working out suggestions…</p>}
      {query.isError && (
        <div className="alert error" role="alert">
          Could not load suggestions: {query.error.message}
        </div>
      )}
      <div aria-live="polite">
        {done && !busy && <p className="ok-text small">{done}</p>}
        {error && (
          <div className="alert error" role="alert">
            Not saved: {error}
          </div>
        )}
      </div>
      {data && data.status === "no-target" && (
        <p>
          Your reference standard sets no target for this age, so there is nothing to compare with.
        </p>
      )}
      {data && data.status === "meets" && (
        <p className="ok-text">
          ✓ This plan gives enough B12: {formatMicrograms(data.averageIntake)} µg a day eaten and
          taken, about {formatMicrograms(data.averageAbsorbed)} µg absorbed (about{" "}
          {formatMicrograms(data.absorbedTargetMicrograms ?? 0)} µg needed). No changes needed.
        </p>
      )}
      {data && data.status === "short" && (
        <p>
          <strong>
            ▼ This plan is short of B12
            {data.absorbedGapMicrograms > 0 &&
              `: about ${formatMicrograms(data.absorbedGapMicrograms)} µg of absorbed B12 a day`}
          </strong>
          {data.statusReason ? ` ${data.statusReason}` : ""}
          {!data.complete && " Some foods have no B12 data, so the gap may be smaller."}
        </p>
      )}
      {data && data.status !== "no-target" && (
        <>
          {data.foods.length > 0 && (
            <>
              <h3 className="subhead">Foods that would make it enough</h3>
              <ul className="suggestion-list">
                {data.foods.map((food) => (
                  <li key={food.foodId} className="suggestion">
                    <div>
                      <Link prefetch={false} href={`/foods/${encodeURIComponent(food.foodId)}`}>
                        {food.name}
                      </Link>
                      <p className="small">
                        {food.portionsPerDay} × {food.portionLabel} a day (
                        {formatMicrograms(food.b12PerPortionMicrograms)} µg each) at{" "}
                        {mealList(food.meals)}: estimated absorbed{" "}
                        {formatMicrograms(food.averageAbsorbedAfter)} µg a day.
                        {data.portionFactor !== 1 &&
                          ` Eaten at ${formatMicrograms(data.portionFactor)} × the plan's amounts, each portion gives ${formatMicrograms(food.eatenPerPortionMicrograms)} µg.`}
                      </p>
                      <p className="small muted">Source: {food.source}</p>
                    </div>
                    <AddToEveryDay food={food} busy={busy} onAdd={applyFood} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.status === "short" && data.recipes.length > 0 && (
            <RecipeSuggestions
              planId={planId}
              recipes={data.recipes}
              busy={busy}
              onApplied={(result, message) => {
                setError(null);
                setDone(message || null);
                onApplied(result);
              }}
              onError={setError}
            />
          )}
          {data.regimens.length > 0 && (
            <>
              <h3 className="subhead">
                {data.status === "meets" ? "Advice for your age" : "Or a regular source"}
              </h3>
              <ul className="suggestion-list">
                {data.regimens.map((regimen) => {
                  const supplement = regimen.supplement;
                  const food = regimen.food;
                  return (
                    <li key={regimen.kind} className="suggestion">
                      <div>
                        <strong>{regimen.title}</strong>
                        <p className="small">{regimen.explanation}</p>
                        <p className="small muted">Source: {regimen.source}</p>
                      </div>
                      {supplement && (
                        <button
                          type="button"
                          className="secondary"
                          disabled={busy}
                          onClick={() =>
                            addSupplement.mutate({
                              planId,
                              form: "tablet",
                              doseMicrograms: supplement.doseMicrograms,
                              everyNDays: supplement.everyNDays,
                              withMeal: supplement.withMeal,
                            })
                          }
                          aria-label={`Add to plan: ${regimen.title}`}
                        >
                          Add to plan
                        </button>
                      )}
                      {food && <AddToEveryDay food={food} busy={busy} onAdd={applyFood} />}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
      {data && data.notes.length > 0 && (
        <ul className="notes small">
          {data.notes.map((note) => (
            <li key={note.id}>
              {note.text} <span className="muted">({note.source})</span>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <p className="small muted">
          {data.healthcareNote}{" "}
          <Link prefetch={false} href="/learn">
            How these estimates work
          </Link>
        </p>
      )}
    </section>
  );
}

function AddToEveryDay({
  food,
  busy,
  onAdd,
}: {
  food: FoodSuggestion;
  busy: boolean;
  onAdd: (food: FoodSuggestion) => void;
}) {
  return (
    <button
      type="button"
      className="secondary"
      disabled={busy}
      onClick={() => onAdd(food)}
      aria-label={`Add to every day: ${food.name} at ${mealList(food.meals)}`}
    >
      Add to every day
    </button>
  );
}
