"use client";
/**
 * Adds a food to one meal, as quickly as a tracker: results while typing, "Show more",
 * arrow keys and Enter to pick, Escape to close; with an empty search box, the foods
 * used recently and the favourites. Then an amount (a household portion, grams, ml/fl oz
 * for drinks, oz/lb otherwise) with its B12 shown, from the server, before "Add".
 */
import {
  keepPreviousData,
  skipToken,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { type KeyboardEvent, useCallback, useId, useRef, useState } from "react";
import { FavoriteStar } from "@/app/_components/favorite-star";
import { FoodBadges } from "@/app/_components/food-badges";
import { formatB12, formatGrams } from "@/app/_lib/format";
import { useDebouncedValue } from "@/app/_lib/use-debounced-value";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/trpc/root";
import { type AmountChoice, AmountEditor, type AmountValue } from "./amount-editor";

type Food = RouterOutputs["foods"]["search"]["items"][number];

/** Short enough to feel instant, long enough not to search on every letter of a fast typist. */
const DEBOUNCE_MS = 90;
const PAGE_SIZE = 8;

export function AddFood(props: {
  mealLabel: string;
  diet: "vegan" | "vegetarian" | "any";
  busy: boolean;
  onAdd: (food: Food, amount: AmountValue) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const panel = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [dietOnly, setDietOnly] = useState(props.diet !== "any");
  const [chosen, setChosen] = useState<Food | null>(null);
  const debounced = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const searchable = /[\p{L}\p{N}]/u.test(debounced) && debounced.length <= 200;
  const diet = dietOnly ? props.diet : "any";
  const results = useInfiniteQuery({
    ...trpc.foods.search.infiniteQueryOptions(
      searchable ? { query: debounced, diet, limit: PAGE_SIZE } : skipToken,
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
  });
  // Always fresh when the panel opens: the last food added is the most likely next one.
  const recent = useQuery({ ...trpc.foods.recent.queryOptions({ limit: 6 }), staleTime: 0 });
  const favorites = useQuery({ ...trpc.foods.favorites.queryOptions(), staleTime: 0 });
  const pages = searchable ? (results.data?.pages ?? []) : [];
  const items = pages.flatMap((page) => page.items);
  const relaxed = pages[0]?.relaxed ?? false;

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      props.onClose();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const options = [...(panel.current?.querySelectorAll<HTMLElement>("[data-food-option]") ?? [])];
    if (options.length === 0) return;
    const current = options.indexOf(document.activeElement as HTMLElement);
    event.preventDefault();
    if (event.key === "ArrowDown") {
      options[Math.min(options.length - 1, current + 1)]?.focus();
    } else if (current <= 0) {
      input.current?.focus();
    } else {
      options[current - 1]?.focus();
    }
  };

  if (chosen) {
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the panel closes it
      <div className="add-food card" ref={panel} onKeyDown={onPanelKeyDown}>
        <ChooseAmount
          food={chosen}
          mealLabel={props.mealLabel}
          busy={props.busy}
          onAdd={(amount) => props.onAdd(chosen, amount)}
          onBack={() => setChosen(null)}
        />
      </div>
    );
  }

  let status = "";
  if (searchable && results.isFetched && items.length === 0) {
    status =
      diet !== "any"
        ? `No ${diet} foods match “${debounced}”.`
        : `No foods match “${debounced}”. Try another word, or fewer words.`;
  } else if (relaxed && items.length > 0) {
    status = `No food matches every word of “${debounced}”; these match some of them.`;
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move through the results, Escape closes
    <div className="add-food card" ref={panel} onKeyDown={onPanelKeyDown}>
      <div className="field">
        <label htmlFor={`${ids}-q`}>Find a food to add to {props.mealLabel.toLowerCase()}</label>
        <input
          id={`${ids}-q`}
          ref={input}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="soy milk, egg, porridge…"
          autoComplete="off"
          aria-describedby={`${ids}-keys`}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to add a food here
          autoFocus
        />
        <p className="field-hint" id={`${ids}-keys`}>
          ↓ and ↑ move through the foods, Enter picks one, Escape closes.
        </p>
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
        {status}
      </p>
      {searchable && results.isFetched && items.length === 0 && diet !== "any" && (
        <p>
          <button type="button" className="secondary" onClick={() => setDietOnly(false)}>
            Search all foods instead
          </button>
        </p>
      )}
      {searchable ? (
        <FoodOptions label="Foods to add" foods={items} onPick={setChosen} />
      ) : (
        <>
          <FoodOptions
            label="Recent foods"
            heading="Recent"
            foods={recent.data?.items ?? []}
            onPick={setChosen}
          />
          <FoodOptions
            label="Favourite foods"
            heading="Favourites"
            foods={favorites.data?.items ?? []}
            onPick={setChosen}
          />
          {recent.isFetched &&
            favorites.isFetched &&
            (recent.data?.items.length ?? 0) + (favorites.data?.items.length ?? 0) === 0 && (
              <p className="muted small">
                Foods you add to plans, and foods you star (☆), will wait here.
              </p>
            )}
        </>
      )}
      <div className="actions">
        {searchable && results.hasNextPage && (
          <button
            type="button"
            className="secondary"
            disabled={results.isFetchingNextPage}
            onClick={() => void results.fetchNextPage()}
          >
            {results.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        )}
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function FoodOptions(props: {
  label: string;
  heading?: string;
  foods: Food[];
  onPick: (food: Food) => void;
}) {
  if (props.foods.length === 0) return null;
  return (
    <>
      {props.heading && <h4 className="add-section-heading">{props.heading}</h4>}
      <ul className="add-results" aria-label={props.label}>
        {props.foods.map((food) => (
          <li key={food.id}>
            <button
              type="button"
              className="secondary add-result"
              data-food-option
              onClick={() => props.onPick(food)}
            >
              <span className="add-result-name">{food.name}</span>
              <span className="muted small">
                B12 {formatB12(food.b12PerHundredGrams)} per 100 g
              </span>
            </button>
            <FavoriteStar foodId={food.id} foodName={food.name} favorite={food.favorite} />
            <FoodBadges food={food} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The amount step: the B12 of the amount comes from the server as it is typed. */
export function ChooseAmount(props: {
  food: Food;
  mealLabel: string;
  busy: boolean;
  /** Focus the amount when this appears (false when the person is choosing other fields). */
  focusAmount?: boolean;
  onAdd: (amount: AmountValue) => void;
  onBack: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AmountChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onDraftChange = useCallback((amount: AmountChoice | null) => setDraft(amount), []);
  const debouncedDraft = useDebouncedValue(draft, 120);
  const previewInput = (amount: AmountChoice) => ({ foodId: props.food.id, ...amount });
  const preview = useQuery({
    ...trpc.foods.amountPreview.queryOptions(
      debouncedDraft ? previewInput(debouncedDraft) : skipToken,
    ),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const shown = debouncedDraft ? preview.data : undefined;

  const submit = async (amount: AmountChoice) => {
    if (!("unit" in amount)) {
      props.onAdd(amount);
      return;
    }
    // The server converts ml, fl oz, oz and lb to grams (with the drink's own density).
    try {
      const result = await queryClient.fetchQuery(
        trpc.foods.amountPreview.queryOptions(previewInput(amount)),
      );
      setError(null);
      props.onAdd({ grams: result.grams });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "That amount could not be used.");
    }
  };

  return (
    <>
      <p>
        <strong>{props.food.name}</strong>
        <span className="muted small">
          {" "}
          · B12 {formatB12(props.food.b12PerHundredGrams)} per 100 g
        </span>
      </p>
      <AmountEditor<AmountChoice>
        portions={props.food.portions}
        units={props.food.amountUnits}
        onDraftChange={onDraftChange}
        preview={
          <p className="amount-preview" aria-live="polite">
            {preview.isError && debouncedDraft
              ? preview.error.message
              : shown
                ? shown.b12Micrograms === null
                  ? `${formatGrams(shown.grams)}: B12 unknown (SR28 has no value)`
                  : `${formatGrams(shown.grams)} gives ${formatB12(shown.b12Micrograms)} of B12`
                : " "}
          </p>
        }
        submitLabel={`Add to ${props.mealLabel.toLowerCase()}`}
        autoFocus={props.focusAmount ?? true}
        busy={props.busy}
        onSubmit={(amount) => void submit(amount)}
        onCancel={props.onBack}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
