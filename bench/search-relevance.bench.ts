/**
 * Search relevance on the public set of everyday queries (tests/fixtures/search-relevance.json):
 * how often the first result (top-1) and one of the first three (top-3) is a good answer.
 * Goal (issue 13): top-1 >= 85%, top-3 >= 95%. Misses are listed so a change to the
 * ranking can be judged case by case.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { scoreSearchRelevance } from "../tests/search-relevance";
import { printTable, type Row } from "./stats";

export const RELEVANCE_TITLE =
  "foods.search relevance, everyday queries (goal: top-1 >= 85%, top-3 >= 95%)";

export async function benchSearchRelevance(): Promise<{ summary: Row[]; misses: Row[] }> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-relevance-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  try {
    migrateDatabase(db);
    importFoodDatabase(db);
    const score = await scoreSearchRelevance(db);
    const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
    return {
      summary: [
        {
          queries: score.cases,
          "top-1": percent(score.top1Rate),
          "top-3": percent(score.top3Rate),
        },
      ],
      misses: score.results
        .filter((result) => !result.top1)
        .map((result) => ({
          query: result.query + (result.filters ? ` ${JSON.stringify(result.filters)}` : ""),
          "in top 3": result.top3 ? "yes" : "no",
          "first result": result.firstThree[0] ?? "(none)",
        })),
    };
  } finally {
    db.$client.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (path.basename(process.argv[1] ?? "") === "search-relevance.bench.ts") {
  benchSearchRelevance().then(
    ({ summary, misses }) => {
      printTable(RELEVANCE_TITLE, summary);
      printTable("Queries whose first result is not a good answer", misses);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
