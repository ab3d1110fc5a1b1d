/**
 * `npm run db:copy` (db/copy-to-postgres.ts, scripts/db-copy.ts): a seeded SQLite database
 * with user data of every kind (custom food, plan, entries, a removed entry, favourite,
 * supplement with JSON weekdays, shopping extra, profile, person, recipe, an account with
 * Date columns) copied into a migrated PostgreSQL database: counts and content verified per
 * table, keys kept, identity continued, search tokens written; a second copy refused
 * without --replace. Only on PostgreSQL:
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx vitest run tests/integration/pg-copy.test.ts
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CopyRefusedError, copySqliteToPostgres } from "@/db/copy-to-postgres";
import { migratePostgres, openPostgres, type PostgresDatabase } from "@/db/pg-client";
import { foodSearchTokens } from "@/server/domain/search-tokens";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { createScratchDatabase, onPostgres, postgresTitle } from "../pg-scratch";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

describe.skipIf(!onPostgres)(postgresTitle("db:copy from SQLite to PostgreSQL"), () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  let sqlite: TestDatabase;
  let target: PostgresDatabase;
  let targetUrl: string;
  let customFoodId: string;

  beforeAll(async () => {
    sqlite = createTestDatabase();
    cleanups.push(() => sqlite.close());
    const api = sqlite.caller();
    const food = await api.foods.createCustom(buildCustomFoodInput());
    customFoodId = food.id;
    const plan = await api.plans.create({ name: "Copied week", dayCount: 7 });
    await api.plans.addEntry({
      planId: plan.id,
      day: 1,
      meal: "lunch",
      foodId: food.id,
      grams: 240,
    });
    await api.plans.addEntry({
      planId: plan.id,
      day: 2,
      meal: "dinner",
      foodId: "sr28-01129",
      grams: 50,
    });
    const removed = await api.plans.addEntry({
      planId: plan.id,
      day: 3,
      meal: "breakfast",
      foodId: "sr28-01123",
      grams: 60,
    });
    await api.plans.removeEntry({ entryId: removed.id });
    await api.foods.setFavorite({ foodId: food.id, favorite: true });
    await api.plans.addSupplement({
      planId: plan.id,
      doseMicrograms: 50,
      form: "tablet",
      everyNDays: 1,
    });
    await api.shopping.addExtra({ planId: plan.id, text: "Bread" });
    await api.profile.update({ ageYears: 68, sex: "male", diet: "vegan", standard: "efsa" });
    await api.people.create({
      name: "Child",
      ageYears: 6,
      sex: "female",
      diet: "vegan",
      standard: "nih",
    });
    await api.recipes.create({
      name: "Stew",
      servings: 2,
      ingredients: [{ foodId: food.id, grams: 300 }, { text: "a secret spice" }],
    });
    sqlite.db.$client
      .prepare(
        `INSERT INTO auth_users (id, name, email, email_verified, created_at, updated_at)
         VALUES ('u1', 'Admin', 'admin@example.org', 1, 1764600000123, 1764600000456)`,
      )
      .run();
    sqlite.db.$client.pragma("wal_checkpoint(TRUNCATE)");

    const scratch = await createScratchDatabase("copy");
    targetUrl = scratch.url;
    target = openPostgres(scratch.url, { max: 2 });
    cleanups.push(scratch.drop, () => target.$client.end());
    await migratePostgres(target);
  }, 180_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("copies every table with equal counts and content, keys kept, identity continued", async () => {
    const result = await copySqliteToPostgres(sqlite.filePath, target);
    expect(result.tables).toHaveLength(29);
    expect(
      result.tables.filter((row) => !row.checksumsEqual || row.sqliteRows !== row.postgresRows),
    ).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.fingerprintKept).toBe(true);
    const counts = Object.fromEntries(result.tables.map((row) => [row.table, row.postgresRows]));
    expect(counts).toMatchObject({
      foods: 8794,
      plan_entries: 2,
      removed_plan_entries: 1,
      plan_supplements: 1,
      auth_users: 1,
      recipes: 1,
    });

    const custom = sqlite.db.$client
      .prepare(`SELECT key, name, search_keywords FROM foods WHERE id = ?`)
      .get(customFoodId) as { key: number; name: string; search_keywords: string };
    const copied = await target.$client.query<{
      key: number;
      search_tokens: string;
      search_name_tokens: number;
    }>(`SELECT key, search_tokens, search_name_tokens FROM foods WHERE id = $1`, [customFoodId]);
    expect(copied.rows[0]).toEqual({
      key: custom.key,
      search_tokens: foodSearchTokens(custom.name, custom.search_keywords).tokens,
      search_name_tokens: foodSearchTokens(custom.name, custom.search_keywords).nameTokenCount,
    });
    const weekdays = await target.$client.query<{ t: string }>(
      `SELECT jsonb_typeof(conditions) AS t FROM profiles LIMIT 1`,
    );
    expect(weekdays.rows[0]?.t).toBe("array");
    const user = await target.$client.query<{ ms: string; verified: boolean }>(
      `SELECT (extract(epoch FROM created_at) * 1000)::bigint::text AS ms, email_verified AS verified FROM auth_users`,
    );
    expect(user.rows[0]).toEqual({ ms: "1764600000123", verified: true });

    // The next food gets the key SQLite would give it.
    const insert = `INSERT INTO foods (id, source, name, diet, diet_reason, b12_fortified)
      VALUES ('custom-next', 'custom', 'Next', 'vegan', 'test', false) RETURNING key`;
    const sqliteNext = (sqlite.db.$client.prepare(insert).get() as { key: number }).key;
    const pgNext = (await target.$client.query<{ key: number }>(insert)).rows[0]?.key;
    expect(pgNext).toBe(sqliteNext);
    await target.$client.query(`DELETE FROM foods WHERE id = 'custom-next'`);
    sqlite.db.$client.prepare(`DELETE FROM foods WHERE id = 'custom-next'`).run();
  }, 180_000);

  it("refuses a target with user rows unless --replace, and then copies again", async () => {
    await expect(copySqliteToPostgres(sqlite.filePath, target)).rejects.toBeInstanceOf(
      CopyRefusedError,
    );
    const refused = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(ROOT, "scripts", "db-copy.ts"),
        "--from",
        sqlite.filePath,
        "--to",
        targetUrl,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^db:copy: refused: the PostgreSQL database already holds user rows: .*plans \(1\)/,
    );

    const replaced = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(ROOT, "scripts", "db-copy.ts"),
        "--from",
        sqlite.filePath,
        "--to",
        targetUrl,
        "--replace",
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect({ status: replaced.status, stderr: replaced.stderr }).toEqual({ status: 0, stderr: "" });
    expect(replaced.stdout).toContain("| plan_entries | 2 | 2 | same |");
    expect(replaced.stdout).toContain("Copied and verified");
  }, 180_000);

  it("finds a difference (here: a trigger on the target that alters plan names), reports it and commits nothing", async () => {
    await target.$client.query(`
      CREATE FUNCTION alter_plan_name() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN NEW.name := NEW.name || ' (altered)'; RETURN NEW; END $$;
      CREATE TRIGGER alter_plan_name BEFORE INSERT ON plans
        FOR EACH ROW EXECUTE FUNCTION alter_plan_name();`);
    try {
      await target.$client.query(`UPDATE plans SET name = 'Kept from before'`);
      const result = await copySqliteToPostgres(sqlite.filePath, target, { replace: true });
      expect(result.ok).toBe(false);
      expect(result.tables.filter((row) => !row.checksumsEqual).map((row) => row.table)).toEqual([
        "plans",
      ]);
      const names = await target.$client.query<{ name: string }>(`SELECT name FROM plans`);
      expect(names.rows).toEqual([{ name: "Kept from before" }]);
    } finally {
      await target.$client.query(
        `DROP TRIGGER alter_plan_name ON plans; DROP FUNCTION alter_plan_name();`,
      );
    }
  }, 180_000);
});
