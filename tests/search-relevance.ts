/**
 * The public relevance set (tests/fixtures/search-relevance.json) and how it is scored:
 * for each everyday query, is the first result (top-1) or one of the first three (top-3)
 * a food that counts as a good answer? Plain TypeScript, shared by the integration test
 * that enforces the goal and by the benchmark that prints the figures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AppDatabase } from "@/db/client";
import { searchFoodsInput } from "@/server/schemas/foods";
import { searchFoods } from "@/server/services/foods";

export type RelevanceCase = {
  query: string;
  filters?: Record<string, unknown>;
  examples: string[];
  good: string[];
};

export type RelevanceResult = {
  query: string;
  filters?: Record<string, unknown>;
  top1: boolean;
  top3: boolean;
  firstThree: string[];
};

export type RelevanceScore = {
  cases: number;
  top1Rate: number;
  top3Rate: number;
  results: RelevanceResult[];
};

export function readRelevanceCases(): RelevanceCase[] {
  const file = path.join(process.cwd(), "tests", "fixtures", "search-relevance.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: RelevanceCase[] }).cases;
}

/** Runs every case through the search service as the local owner and scores it. */
export async function scoreSearchRelevance(
  db: AppDatabase,
  cases: readonly RelevanceCase[] = readRelevanceCases(),
): Promise<RelevanceScore> {
  const results: RelevanceResult[] = [];
  for (const testCase of cases) {
    const input = searchFoodsInput.parse({ query: testCase.query, ...testCase.filters, limit: 3 });
    const items = (await searchFoods(db, "local", input)).items;
    const good = new Set(testCase.good);
    results.push({
      query: testCase.query,
      ...(testCase.filters ? { filters: testCase.filters } : {}),
      top1: items[0] !== undefined && good.has(items[0].id),
      top3: items.some((item) => good.has(item.id)),
      firstThree: items.map((item) => item.name),
    });
  }
  const rate = (hits: number) => hits / Math.max(1, results.length);
  return {
    cases: results.length,
    top1Rate: rate(results.filter((result) => result.top1).length),
    top3Rate: rate(results.filter((result) => result.top3).length),
    results,
  };
}
