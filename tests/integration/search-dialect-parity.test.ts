/**
 * foods.search gives the same foods in the same order on both databases (issue 17): every
 * query of the relevance set (tests/fixtures/search-relevance.json) in both sort orders,
 * the search-order cases (tests/search-order-cases.ts) and a few relaxed, NDB-number and
 * odd-character searches, against the answers SQLite's FTS5 search gave, committed in
 * tests/fixtures/search-expected-pages.json. Custom foods of this owner (one with
 * characters FTS5 folds its own way) and of another owner, and a diet correction, take
 * part, so owner filtering, the corpus figures BM25 counts and the custom foods' search
 * tokens are exercised.
 *
 * On SQLite (plain `npx vitest run`) this is the reference: it fails when the search
 * changes; `UPDATE_SEARCH_EXPECTATIONS=1 npx vitest run <this file>` records the new
 * answers (then check the diff and the relevance figures). On PostgreSQL (`npx tsx
 * scripts/pg-cluster.ts run -- npx vitest run -c vitest.pg.config.mts <this file>`) it runs
 * on a database imported by the PostgreSQL importer and compares with the same file: the
 * expected values come from FTS5, never from the code under test.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchFoodsInput } from "@/server/schemas/foods";
import type { createCaller } from "@/server/trpc/root";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { suiteOnPostgres } from "../pg-scratch";
import { SEARCH_ORDER_CASES } from "../search-order-cases";
import { readRelevanceCases } from "../search-relevance";

const FIXTURE = path.join(process.cwd(), "tests", "fixtures", "search-expected-pages.json");
const UPDATE = process.env.UPDATE_SEARCH_EXPECTATIONS === "1" && !suiteOnPostgres;

type Expected = { input: Record<string, unknown>; relaxed: boolean; ids: string[] };

const CASES: Record<string, unknown>[] = [
  ...readRelevanceCases().flatMap((testCase) =>
    (["relevance", "b12"] as const).map((sort) => ({
      query: testCase.query,
      ...testCase.filters,
      sort,
      limit: 50,
    })),
  ),
  ...SEARCH_ORDER_CASES,
  // Relaxed (no food matches every word), also past the end of the strict matches.
  { query: "lentil soup", diet: "vegan" },
  { query: "cheese zzzz" },
  { query: "cheese zzzz", cursor: 20 },
  { query: "cheese", cursor: 400 },
  // Custom foods, theirs and another owner's; characters FTS5 folds its own way.
  { query: "cheese sauce" },
  { query: "milk cheese soup" },
  { query: "creme fraiche" },
  { query: "fish cakes" },
  { query: "寿司" },
  { query: "φέτα" },
  { query: "f", sort: "b12" },
  { query: "m c" },
  // NDB numbers.
  { query: "01009" },
  { query: "01009", diet: "vegan" },
  { query: "16139", fortifiedOnly: true },
];

type Caller = ReturnType<typeof createCaller>;
let testDb: TestDatabase;
const callerFor = (ownerId?: string) => testDb.caller(ownerId);

beforeAll(async () => {
  testDb = createTestDatabase();
  const api = callerFor();
  await api.foods.createCustom(buildCustomFoodInput({ name: "Cheese sauce, my own vegan" }));
  await api.foods.createCustom(buildCustomFoodInput({ name: "Crème fraîche, oat, homemade" }));
  await api.foods.createCustom(
    buildCustomFoodInput({ name: "Fish cakes, Ǆemal ﬁsh-style, Φέτα ½ 寿司 ª²" }),
  );
  // Renamed after it was created: its search tokens must follow the new name.
  const renamed = await api.foods.createCustom(buildCustomFoodInput({ name: "Placeholder" }));
  await api.foods.updateCustom({
    ...buildCustomFoodInput({ name: "Mushroom cheese spread, my own" }),
    id: renamed.id,
  });
  await api.foods.setDietOverride({ foodId: "sr28-01009", diet: "vegan", note: "test" });
  await callerFor("someone-else").foods.createCustom(
    buildCustomFoodInput({ name: "Milk cheese soup, not yours" }),
  );
}, 240_000);

afterAll(() => testDb.close());

/** A page as compared: custom foods' ids are random, so they are named by their name. */
function pageIds(items: { id: string; name: string; source: string }[]): string[] {
  return items.map((item) => (item.source === "custom" ? `custom:${item.name}` : item.id));
}

describe(`foods.search on ${suiteOnPostgres ? "PostgreSQL" : "SQLite"} gives FTS5's pages`, () => {
  it("returns the recorded foods, in order, with the recorded relaxed flag, for every case", async () => {
    const api = callerFor();
    const actual: Expected[] = [];
    for (const raw of CASES) {
      const result = await api.foods.search(searchFoodsInput.parse(raw));
      actual.push({ input: raw, relaxed: result.relaxed, ids: pageIds(result.items) });
    }
    if (UPDATE) {
      writeFileSync(
        FIXTURE,
        `[\n${actual.map((entry) => JSON.stringify(entry)).join(",\n")}\n]\n`,
        "utf8",
      );
    }
    const expected = JSON.parse(readFileSync(FIXTURE, "utf8")) as Expected[];
    expect(actual.map((entry) => entry.input)).toEqual(expected.map((entry) => entry.input));
    const differing = actual.filter(
      (entry, index) => JSON.stringify(entry) !== JSON.stringify(expected[index]),
    );
    for (const entry of differing) {
      expect(entry, JSON.stringify(entry.input)).toEqual(expected[actual.indexOf(entry)]);
    }
    // Not a vacuous pass: most cases find foods, some relax, custom foods show up.
    expect(expected.filter((entry) => entry.ids.length > 0).length).toBeGreaterThan(220);
    expect(expected.filter((entry) => entry.relaxed).length).toBeGreaterThanOrEqual(3);
    expect(expected.some((entry) => entry.ids.includes("custom:Mushroom cheese spread, my own")));
    expect(
      expected.some((entry) => entry.ids.some((id) => id.includes("not yours"))),
      "another owner's food is never shown",
    ).toBe(false);
  }, 120_000);

  it("pages through a broad word without gaps or repeats", async () => {
    const api = callerFor();
    const seen: string[] = [];
    let cursor: number | null = 0;
    while (cursor !== null && seen.length < 400) {
      const page: Awaited<ReturnType<Caller["foods"]["search"]>> = await api.foods.search({
        query: "milk",
        limit: 100,
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    const all = await api.foods.search({ query: "milk", limit: 100 });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 100)).toEqual(all.items.map((item) => item.id));
    expect(seen.length).toBeGreaterThan(100);
  });
});
