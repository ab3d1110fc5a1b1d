"use client";
/**
 * The household's own recipes that would close (or most nearly close) the plan's gap, from
 * plans.suggestions: "a serving of Tofu scramble at breakfast on days 2, 3 and 5". The
 * button adds exactly that: one plans.addRecipe per day named by the suggestion.
 */
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatMicrograms } from "@/app/_lib/format";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import { MEAL_LABELS } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";

type RecipeSuggestion = RouterOutputs["plans"]["suggestions"]["recipes"][number];
type EditResult = RouterOutputs["plans"]["addRecipe"];

function dayList(days: readonly number[]): string {
  if (days.length <= 1) return `day ${days[0] ?? ""}`;
  return `days ${days.slice(0, -1).join(", ")} and ${days[days.length - 1]}`;
}

export function RecipeSuggestions(props: {
  planId: string;
  recipes: RecipeSuggestion[];
  busy: boolean;
  onApplied: (result: EditResult, message: string) => void;
  onError: (message: string) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState<string | null>(null);

  const apply = async (recipe: RecipeSuggestion) => {
    setAdding(recipe.recipeId);
    let last: EditResult | null = null;
    try {
      // One dish per day, one call each (a request holds at most one heavy write).
      for (const day of recipe.days) {
        last = await client.plans.addRecipe.mutate({
          planId: props.planId,
          day,
          meal: recipe.meal,
          recipeId: recipe.recipeId,
          servings: recipe.servings,
        });
      }
      if (last) props.onApplied(last, `Added ${recipe.name} to ${dayList(recipe.days)}.`);
    } catch (failure) {
      if (last) props.onApplied(last, "");
      props.onError(failure instanceof Error ? failure.message : "Not added.");
    } finally {
      setAdding(null);
      void queryClient.invalidateQueries({ queryKey: trpc.recipes.pathKey() });
    }
  };

  return (
    <>
      <h3 className="subhead">Your recipes that would help</h3>
      <ul className="suggestion-list">
        {props.recipes.map((recipe) => (
          <li key={recipe.recipeId} className="suggestion">
            <div>
              <Link prefetch={false} href={`/recipes/${encodeURIComponent(recipe.recipeId)}`}>
                {recipe.name}
              </Link>
              <p className="small">
                {recipe.explanation ||
                  `A serving (${formatMicrograms(recipe.b12PerServingMicrograms)} µg) at ${MEAL_LABELS[recipe.meal].toLowerCase()} on ${dayList(recipe.days)}.`}
              </p>
              <p className="small muted">Source: {recipe.source}</p>
            </div>
            <button
              type="button"
              className="secondary"
              disabled={props.busy || adding !== null}
              onClick={() => void apply(recipe)}
              aria-label={`Add a serving of ${recipe.name} to ${MEAL_LABELS[recipe.meal].toLowerCase()} on ${dayList(recipe.days)}`}
            >
              {adding === recipe.recipeId ? "Adding…" : "Add to those days"}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
