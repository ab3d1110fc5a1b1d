/**
 * `npm run bench`: runs every benchmark and prints its table. Record the results in
 * bench/results.md. The benchmarks against the running app (HTTP search, load, page
 * weight, Lighthouse) need a production build (`npm run build`) and are skipped, with a message,
 * without one; each starts and stops its own server on a temporary database.
 * Search relevance (top-1/top-3 on tests/fixtures/search-relevance.json) runs without a build.
 * The editor and plan-page (TBT at 4× CPU, 10 Lighthouse runs) benchmarks run alone, on an
 * idle machine: `npx tsx bench/editor.bench.ts`, `npx tsx bench/plan-page.bench.ts`, and
 * the same measurements on an empty Next.js page: `npx tsx bench/framework-floor.bench.ts`.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { benchAddFoodTyping, TYPING_TITLE } from "./add-food-typing.bench";
import { benchHttpSearch, HTTP_SEARCH_TITLE } from "./http-search.bench";
import { benchImport } from "./import.bench";
import { benchLighthouse } from "./lighthouse.bench";
import { benchLimits, LIMITS_TITLE } from "./limits.bench";
import { benchLoad, LOAD_TITLE, loadFailures } from "./load.bench";
import { benchPageWeight } from "./page-weight.bench";
import { benchPlanTotals, benchPlanTotalsScaling, SCALING_TITLE } from "./plan-totals.bench";
import { benchRecipes, RECIPES_TITLE } from "./recipes.bench";
import { benchSearch } from "./search.bench";
import { benchSearchRelevance, RELEVANCE_TITLE } from "./search-relevance.bench";
import { benchSession, SESSION_TITLE } from "./session.bench";
import { benchShopping } from "./shopping.bench";
import { printTable } from "./stats";

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
  );
  printTable("USDA SR28 import (target: first import < 3000 ms)", benchImport());
  printTable("foods.search server-side (target: p95 < 5 ms)", await benchSearch());
  const relevance = await benchSearchRelevance();
  printTable(RELEVANCE_TITLE, relevance.summary);
  printTable("Queries whose first result is not a good answer", relevance.misses);
  printTable("plans.totals (target: 28-day plan < 10 ms server-side)", await benchPlanTotals());
  printTable(SCALING_TITLE, await benchPlanTotalsScaling());
  printTable(
    "shopping.list (target: 28-day plan for 20 people < 10 ms server-side)",
    await benchShopping(),
  );
  printTable(RECIPES_TITLE, await benchRecipes());
  printTable(LIMITS_TITLE, await benchLimits());
  printTable(SESSION_TITLE, await benchSession());
  if (existsSync(".next/BUILD_ID")) {
    printTable(`${HTTP_SEARCH_TITLE} (ms)`, await benchHttpSearch());
    printTable(TYPING_TITLE, await benchAddFoodTyping());
    const load = await benchLoad();
    printTable(LOAD_TITLE, load);
    const failures = loadFailures(load);
    if (failures.length > 0) {
      console.error(`\nFAILED under load:\n  ${failures.join("\n  ")}`);
      process.exitCode = 1;
    }
    printTable(
      "JavaScript per page, gzipped (target: plan page < 200 KiB before charts)",
      await benchPageWeight(),
    );
    printTable(
      "Lighthouse, simulated slow phone (targets: performance 90+, accessibility 95+, best practices 95+)",
      await benchLighthouse(),
    );
  } else {
    console.log(
      "\nSkipped (no production build; run `npm run build` first): foods.search over HTTP, throughput under load, page weight, Lighthouse.",
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
