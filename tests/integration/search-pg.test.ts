/**
 * What the PostgreSQL search keeps beside the foods (issue 17; server/services/
 * food-search-pg.ts, db/migrations-pg/0002): custom foods' search tokens written on
 * create and rename, the `search_corpus` version moved by every change to the index, and
 * BM25's index figures, cached per database under that version, equal to a fresh count
 * after another app instance (another pool) adds a food. In the PostgreSQL run only:
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx vitest run -c vitest.pg.config.mts \
 *     tests/integration/search-pg.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { openPostgres, type PostgresDatabase } from "@/db/pg-client";
import { foodSearchTokens } from "@/server/domain/search-tokens";
import { indexFigures } from "@/server/services/food-search-pg";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { suiteOnPostgres } from "../pg-scratch";

const TITLE = "Search columns and figures on PostgreSQL";

describe.skipIf(!suiteOnPostgres)(
  suiteOnPostgres ? TITLE : `${TITLE} (skipped: about PostgreSQL, and this run is on SQLite)`,
  () => {
    const cleanups: (() => unknown)[] = [];
    let first: PostgresDatabase;
    let second: PostgresDatabase;
    const caller = (db: PostgresDatabase) =>
      createCaller(createInnerContext({ db: db as unknown as AppDatabase }));

    beforeAll(() => {
      const testDb = createTestDatabase();
      // Two pools on one database: two app instances.
      first = testDb.db as unknown as PostgresDatabase;
      second = openPostgres(testDb.filePath, { max: 2 });
      cleanups.push(testDb.close, () => second.$client.end());
    });

    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    const version = async () =>
      Number((await first.$client.query("SELECT version FROM search_corpus")).rows[0]?.version);
    const stored = async (id: string) =>
      (
        await first.$client.query(
          "SELECT search_tokens, search_name_tokens, search_document::text AS document FROM foods WHERE id = $1",
          [id],
        )
      ).rows[0] as { search_tokens: string; search_name_tokens: number; document: string };
    /** The figures counted by plain SQL, independently of the service and its cache. */
    const counted = async (tsquery: string) => {
      const row = (
        await first.$client.query(
          `SELECT count(*)::int AS rows,
                sum(cardinality(string_to_array(search_tokens, ' ')))::int AS tokens,
                (count(*) FILTER (WHERE search_document @@ $1::tsquery))::int AS holding
           FROM foods`,
          [tsquery],
        )
      ).rows[0] as { rows: number; tokens: number; holding: number };
      return { rowCount: row.rows, tokenCount: row.tokens, phraseRowCounts: [row.holding] };
    };

    it("writes a custom food's search tokens when it is created and when it is renamed", async () => {
      const before = await version();
      const food = await caller(first).foods.createCustom(
        buildCustomFoodInput({ name: "Crème fraîche, oat-based ½" }),
      );
      const created = await stored(food.id);
      const expected = foodSearchTokens("Crème fraîche, oat-based ½", "");
      expect(created.search_tokens).toBe(expected.tokens);
      expect(created.search_tokens).toBe("creme fraiche oat based ½");
      expect(created.search_name_tokens).toBe(expected.nameTokenCount);
      // The document holds exactly the stored tokens, ½ included.
      expect(created.document).toBe("'based' 'creme' 'fraiche' 'oat' '½'");
      expect(await version()).toBeGreaterThan(before);

      const renamedAt = await version();
      await caller(second).foods.updateCustom({
        ...buildCustomFoodInput({ name: "Quark, soy, homemade" }),
        id: food.id,
      });
      expect((await stored(food.id)).search_tokens).toBe("quark soy homemade");
      expect(await version()).toBeGreaterThan(renamedAt);
      const found = await caller(first).foods.search({ query: "quark soy" });
      expect(found.items.map((item) => item.id)).toContain(food.id);
      const old = await caller(first).foods.search({ query: "fraiche oat" });
      expect(old.items.map((item) => item.id)).not.toContain(food.id);
    });

    it("gives fresh index figures after another instance adds or deletes a food", async () => {
      const tsquery = "'cheese':*";
      const cached = await indexFigures(first as unknown as AppDatabase, await version(), [
        tsquery,
      ]);
      expect(cached).toEqual(await counted(tsquery));
      expect(cached.phraseRowCounts[0]).toBeGreaterThan(300);

      const food = await caller(second).foods.createCustom(
        buildCustomFoodInput({ name: "Cheese spread, cashew, smoked" }),
      );
      const afterAdd = await indexFigures(first as unknown as AppDatabase, await version(), [
        tsquery,
      ]);
      expect(afterAdd).toEqual(await counted(tsquery));
      expect(afterAdd.rowCount).toBe(cached.rowCount + 1);
      expect(afterAdd.tokenCount).toBe(cached.tokenCount + 4);
      expect(afterAdd.phraseRowCounts[0]).toBe((cached.phraseRowCounts[0] as number) + 1);

      await caller(second).foods.deleteCustom({ id: food.id });
      const afterDelete = await indexFigures(first as unknown as AppDatabase, await version(), [
        tsquery,
      ]);
      expect(afterDelete).toEqual(cached);
    });
  },
);
