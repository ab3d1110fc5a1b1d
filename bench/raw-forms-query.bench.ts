/**
 * The shopping list's raw-form lookup on a cache miss (server/services/shopping-sources.ts,
 * RAW_CANDIDATES_SQL): shared foods whose name is one of the raw names of 40 prepared
 * foods. Compares the query as it was (`owner_id IS NULL`, which SQLite answers from
 * foods_owner_idx, i.e. every shared food) with the current one (`+owner_id`, answered
 * from foods_name_idx and foods_id_unique). Prints each query plan and its p50 / max.
 *
 * `npx tsx bench/raw-forms-query.bench.ts`
 */
import { rawNameCandidates } from "../server/domain/raw-forms";
import { createTestDatabase } from "../tests/factories/database";

const QUERY = (
  ownerColumn: string,
) => `SELECT id, name, group_code, b12_fortified, energy_kcal_per_100g
  FROM foods WHERE ${ownerColumn} IS NULL AND (name IN (SELECT value FROM json_each(?))
    OR id IN (SELECT value FROM json_each(?)))`;

const testDb = createTestDatabase();
try {
  const client = testDb.db.$client;
  const prepared = (
    client
      .prepare(
        "SELECT name FROM foods WHERE owner_id IS NULL AND name LIKE '%cooked%' ORDER BY id LIMIT 40",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
  const names = JSON.stringify(prepared.flatMap((name) => rawNameCandidates(name)));
  for (const [label, sql] of [
    ["before: owner_id IS NULL", QUERY("owner_id")],
    ["after: +owner_id IS NULL", QUERY("+owner_id")],
  ] as const) {
    const plan = client
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(names, "[]")
      .map((row) => (row as { detail: string }).detail)
      .filter((detail) => detail.includes("foods"));
    const statement = client.prepare(sql);
    const times: number[] = [];
    for (let run = 0; run < 100; run++) {
      const started = performance.now();
      statement.all(names, "[]");
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(28)} p50 ${(times[50] ?? 0).toFixed(2)} ms, max ${(times[99] ?? 0).toFixed(2)} ms; ${plan.join("; ")}`,
    );
  }
} finally {
  await testDb.close();
}
