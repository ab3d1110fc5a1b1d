/**
 * `npm run bench`: runs every benchmark and prints its table. Record the results in
 * bench/results.md. The page-weight benchmark needs a production build (`npm run build`).
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { benchImport } from "./import.bench";
import { benchPageWeight } from "./page-weight.bench";
import { benchPlanTotals } from "./plan-totals.bench";
import { benchSearch } from "./search.bench";
import { benchShopping } from "./shopping.bench";
import { printTable } from "./stats";

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
  );
  printTable("USDA SR28 import (target: first import < 3000 ms)", benchImport());
  printTable("foods.search server-side (target: p95 < 5 ms)", benchSearch());
  printTable("plans.totals (target: 28-day plan < 10 ms server-side)", benchPlanTotals());
  printTable(
    "shopping.list (target: 28-day plan for 20 people < 10 ms server-side)",
    benchShopping(),
  );
  if (existsSync(".next/BUILD_ID")) {
    printTable(
      "JavaScript per page, gzipped (target: plan page < 200 KiB before charts)",
      await benchPageWeight(),
    );
  } else {
    console.log("\nPage weight skipped: run `npm run build` first.");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
