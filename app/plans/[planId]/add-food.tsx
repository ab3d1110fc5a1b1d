"use client";
/**
 * Adds a food to one meal: the same search as the Foods page (filtered to the profile's
 * diet when the person wants), then an amount in a household portion or grams.
 */
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FoodBadges } from "@/app/_components/food-badges";
import { formatB12 } from "@/app/_lib/format";
import { useDebouncedValue } from "@/app/_lib/use-debounced-value";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/trpc/root";
import { AmountEditor, type AmountValue } from "./amount-editor";

type Food = RouterOutputs["foods"]["search"]["items"][number];

export function AddFood(props: {
  mealLabel: string;
  diet: "vegan" | "vegetarian" | "any";
  busy: boolean;
  onAdd: (food: Food, amount: AmountValue) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const [query, setQuery] = useState("");
  const [dietOnly, setDietOnly] = useState(props.diet !== "any");
  const [chosen, setChosen] = useState<Food | null>(null);
  const debounced = useDebouncedValue(query.trim(), 250);
  const searchable = /[\p{L}\p{N}]/u.test(debounced) && debounced.length <= 200;
  const results = useQuery({
    ...trpc.foods.search.queryOptions(
      searchable ? { query: debounced, diet: dietOnly ? props.diet : "any", limit: 8 } : skipToken,
    ),
    placeholderData: keepPreviousData,
  });
  const items = searchable ? (results.data?.items ?? []) : [];

  if (chosen) {
    return (
      <div className="add-food card">
        <p>
          <strong>{chosen.name}</strong>
          <span className="muted small">
            {" "}
            · B12 {formatB12(chosen.b12PerHundredGrams)} per 100 g
          </span>
        </p>
        <AmountEditor
          portions={chosen.portions}
          submitLabel={`Add to ${props.mealLabel.toLowerCase()}`}
          autoFocus
          busy={props.busy}
          onSubmit={(amount) => props.onAdd(chosen, amount)}
          onCancel={() => setChosen(null)}
        />
      </div>
    );
  }

  return (
    <div className="add-food card">
      <div className="field">
        <label htmlFor={`${ids}-q`}>Find a food to add to {props.mealLabel.toLowerCase()}</label>
        <input
          id={`${ids}-q`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="soy milk, egg, cereal…"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the person just asked to add a food here
          autoFocus
        />
      </div>
      {props.diet !== "any" && (
        <label className="choice">
          <input
            type="checkbox"
            checked={dietOnly}
            onChange={(event) => setDietOnly(event.target.checked)}
          />
          Only {props.diet} foods (from your profile)
        </label>
      )}
      <p className="status-line" role="status">
        {searchable && results.isFetched && items.length === 0 ? "No foods match." : ""}
      </p>
      {items.length > 0 && (
        <ul className="add-results" aria-label="Foods to add">
          {items.map((food) => (
            <li key={food.id}>
              <button
                type="button"
                className="secondary add-result"
                onClick={() => setChosen(food)}
              >
                <span className="add-result-name">{food.name}</span>
                <span className="muted small">
                  B12 {formatB12(food.b12PerHundredGrams)} per 100 g
                </span>
              </button>
              <FoodBadges food={food} />
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
