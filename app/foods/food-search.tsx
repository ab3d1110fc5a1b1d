"use client";
/**
 * The food search: results as you type (debounced), filters for diet, fortified foods
 * and food group, sorting by relevance or B12. The filters live in the URL so a result
 * page can be shared, reloaded or returned to with the back button.
 */
import { keepPreviousData, skipToken, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { FavoriteStar } from "@/app/_components/favorite-star";
import { FoodBadges } from "@/app/_components/food-badges";
import { formatB12, formatGrams } from "@/app/_lib/format";
import { useDebouncedValue } from "@/app/_lib/use-debounced-value";
import { useTRPC } from "@/app/_trpc/client";

const DEBOUNCE_MS = 120;
const MAX_QUERY_LENGTH = 200;

type Diet = "any" | "vegetarian" | "vegan";
type Sort = "relevance" | "b12";

const asDiet = (value: string | null): Diet =>
  value === "vegan" || value === "vegetarian" ? value : "any";

export function FoodSearch() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const params = useSearchParams();
  const ids = useId();

  const [query, setQuery] = useState(params.get("q") ?? "");
  const [diet, setDiet] = useState<Diet>(asDiet(params.get("diet")));
  const [fortifiedOnly, setFortifiedOnly] = useState(params.get("fortified") === "1");
  const [group, setGroup] = useState(params.get("group") ?? "");
  const [sort, setSort] = useState<Sort>(params.get("sort") === "b12" ? "b12" : "relevance");

  const debouncedQuery = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const tooLong = debouncedQuery.length > MAX_QUERY_LENGTH;
  const searchable = /[\p{L}\p{N}]/u.test(debouncedQuery) && !tooLong;

  // Keep the URL in step with what is on screen (replace: typing is not navigation).
  useEffect(() => {
    const next = new URLSearchParams();
    if (debouncedQuery) next.set("q", debouncedQuery);
    if (diet !== "any") next.set("diet", diet);
    if (fortifiedOnly) next.set("fortified", "1");
    if (group) next.set("group", group);
    if (sort !== "relevance") next.set("sort", sort);
    const search = next.toString();
    // The native history API (which Next.js keeps in step with useSearchParams) updates the
    // address without a navigation, so nothing re-renders and no typed text is lost.
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  }, [debouncedQuery, diet, fortifiedOnly, group, sort, pathname]);

  const groups = useQuery(trpc.foods.groups.queryOptions());
  const results = useInfiniteQuery({
    ...trpc.foods.search.infiniteQueryOptions(
      searchable
        ? {
            query: debouncedQuery,
            diet,
            fortifiedOnly,
            group: group || undefined,
            sort,
            limit: 20,
          }
        : skipToken,
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
  });

  const items = searchable ? (results.data?.pages.flatMap((page) => page.items) ?? []) : [];
  const filtered = diet !== "any" || fortifiedOnly || group !== "";

  let status: string;
  if (tooLong) status = `Type at most ${MAX_QUERY_LENGTH} characters.`;
  else if (!searchable)
    status = "Type a food name (for example soy milk, liver or cheerios) or a 5-digit NDB number.";
  else if (results.isError) status = "";
  else if (results.isPending) status = "Searching…";
  else if (items.length === 0) status = `No foods match “${debouncedQuery}” with these filters.`;
  else if (results.data?.pages[0]?.relaxed)
    status = `No food matches every word of “${debouncedQuery}”; these match some of them.`;
  else
    status = `${items.length}${results.hasNextPage ? "+" : ""} food${items.length === 1 ? "" : "s"} found`;

  return (
    <search aria-label="Food search" className="stack">
      <div className="card search-bar">
        <div>
          <label htmlFor={`${ids}-q`}>Search foods</label>
          <input
            id={`${ids}-q`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="soy milk, liver, cheerios, 16139…"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids}-status`}
            aria-invalid={tooLong || undefined}
          />
        </div>
        <div className="filters">
          <div>
            <label htmlFor={`${ids}-diet`}>Diet</label>
            <select
              id={`${ids}-diet`}
              value={diet}
              onChange={(event) => setDiet(asDiet(event.target.value))}
            >
              <option value="any">All foods</option>
              <option value="vegetarian">Vegetarian (incl. vegan)</option>
              <option value="vegan">Vegan</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-group`}>Food group</label>
            <select
              id={`${ids}-group`}
              value={group}
              onChange={(event) => setGroup(event.target.value)}
            >
              <option value="">All groups</option>
              {groups.data?.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-sort`}>Sort by</label>
            <select
              id={`${ids}-sort`}
              value={sort}
              onChange={(event) => setSort(event.target.value === "b12" ? "b12" : "relevance")}
            >
              <option value="relevance">Best match</option>
              <option value="b12">Most B12 per 100 g</option>
            </select>
          </div>
          <label className="choice" htmlFor={`${ids}-fortified`}>
            <input
              id={`${ids}-fortified`}
              type="checkbox"
              checked={fortifiedOnly}
              onChange={(event) => setFortifiedOnly(event.target.checked)}
            />
            B12-fortified only
          </label>
        </div>
      </div>

      <p id={`${ids}-status`} className="status-line" role="status" aria-live="polite">
        {status}
      </p>
      {searchable && results.isFetched && items.length === 0 && filtered && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDiet("any");
              setFortifiedOnly(false);
              setGroup("");
            }}
          >
            Search all foods instead
          </button>
        </p>
      )}
      {results.isError && searchable && (
        <div className="alert error" role="alert">
          Search failed: {results.error.message}
        </div>
      )}

      {items.length > 0 && (
        <ul className="results" aria-label="Search results" aria-busy={results.isFetching}>
          {items.map((food) => {
            const portion = food.portions[0];
            return (
              <li key={food.id} className="result">
                <div className="title-with-star">
                  <Link className="result-name" href={`/foods/${encodeURIComponent(food.id)}`}>
                    {food.name}
                  </Link>
                  <FavoriteStar foodId={food.id} foodName={food.name} favorite={food.favorite} />
                </div>
                <div className="result-meta">
                  {food.group?.name ?? "No food group"}
                  {food.ndbNumber ? ` · NDB ${food.ndbNumber}` : ""}
                </div>
                <FoodBadges food={food} />
                <div className="result-b12">
                  <span>
                    B12 per 100 g: <strong>{formatB12(food.b12PerHundredGrams)}</strong>
                  </span>
                  {portion && (
                    <span>
                      {portion.label} ({formatGrams(portion.grams)}):{" "}
                      <strong>{formatB12(portion.b12Micrograms)}</strong>
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {searchable && results.hasNextPage && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => results.fetchNextPage()}
            disabled={results.isFetchingNextPage}
          >
            {results.isFetchingNextPage ? "Loading…" : "Show more foods"}
          </button>
        </div>
      )}
    </search>
  );
}
