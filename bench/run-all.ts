/** `npm run bench`: runs every benchmark and prints its table. Record results in bench/results.md. */
import os from "node:os";
import { benchImport } from "./import.bench";
import { benchSearch } from "./search.bench";
import { printTable } from "./stats";

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
);
printTable("USDA SR28 import (target: first import < 3000 ms)", benchImport());
printTable("foods.search server-side (target: p95 < 5 ms)", benchSearch());
