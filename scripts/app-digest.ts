/**
 * What the app computes from a database, as one JSON line on stdout: every plan's totals
 * (the household's profile, per day: total, absorbed estimate, unknown items) and the
 * first page of every search of the relevance set (tests/fixtures/search-relevance.json).
 * Reads only. The database is the configured one (DATABASE_URL=postgres://…, else
 * DATABASE_PATH), so the same services compute both sides.
 *
 * `npm run db:copy` runs it once on the SQLite source and once on the PostgreSQL target
 * after copying, and compares (issue 17: "verifies counts and totals afterwards").
 */
import { getDatabase } from "../db/client";
import { rawAll } from "../db/raw";
import { searchFoodsInput } from "../server/schemas/foods";
import { searchFoods } from "../server/services/foods";
import { getPlanTotals } from "../server/services/plans/totals";
import { readRelevanceCases } from "../tests/search-relevance";

export type AppDigest = {
  plans: Record<string, unknown>;
  searches: Record<string, string[]>;
};

/** Rounded far below what people see, far above floating-point noise between databases. */
function round(value: number | null | undefined): number | null {
  return typeof value === "number" ? Math.round(value * 1e9) / 1e9 : null;
}

async function main(): Promise<void> {
  const db = getDatabase();
  const plans = await rawAll<{ id: string; owner_id: string }>(
    db,
    `SELECT p.id, p.owner_id FROM plans p JOIN owners o ON o.id = p.owner_id ORDER BY p.id`,
  );
  const digest: AppDigest = { plans: {}, searches: {} };
  for (const plan of plans) {
    const totals = await getPlanTotals(db, plan.owner_id, plan.id);
    digest.plans[plan.id] = totals.days.map((day) => ({
      day: day.day,
      intake: round(day.b12Micrograms),
      absorbed: round(day.absorbedB12Micrograms),
      entries: day.entryCount,
      unknown: day.unknownEntries,
      status: day.status,
    }));
  }
  for (const testCase of readRelevanceCases()) {
    const input = searchFoodsInput.parse({ query: testCase.query, ...testCase.filters });
    const key = JSON.stringify({ query: testCase.query, ...testCase.filters });
    const result = await searchFoods(db, "local", input);
    digest.searches[key] = result.items.map((item) => item.id);
  }
  process.stdout.write(`${JSON.stringify(digest)}\n`);
  process.exit(0);
}

if (process.argv[1]?.endsWith("app-digest.ts")) void main();
