/**
 * A staged restore with several app instances on one PostgreSQL database (issue 17): the
 * restore's session advisory locks make a second restore and the household's mutations
 * CONFLICT on every instance, and keep another instance's leftover clean-up away from the
 * hidden owners the restore uses. Two pools on one database stand for two instances.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { openPostgres, type PostgresDatabase } from "@/db/pg-client";
import { rawRun } from "@/db/raw";
import {
  beginRestore,
  deleteRestoreLeftovers,
  restoreInProgress,
  restoreLeftovers,
} from "@/server/services/restore-staging";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { expectTrpcError } from "@/tests/helpers";
import { suiteOnPostgres } from "@/tests/pg-scratch";

const HOUSEHOLD = "instances-household";

describe.skipIf(!suiteOnPostgres)(
  suiteOnPostgres
    ? "a restore seen from another instance"
    : "a restore seen from another instance (skipped: PostgreSQL only, DATABASE_URL is not postgres://)",
  () => {
    let testDb: TestDatabase;
    let second: PostgresDatabase;
    let first: AppDatabase;
    let other: AppDatabase;

    beforeAll(async () => {
      testDb = createTestDatabase({ seed: false });
      first = testDb.db;
      second = openPostgres(testDb.filePath, { max: 2 });
      other = second as unknown as AppDatabase;
      for (const id of [HOUSEHOLD, "hidden-live", "hidden-left"]) {
        await rawRun(first, "INSERT INTO owners (id, name) VALUES (?, ?)", [id, id]);
      }
      for (const id of ["hidden-live", "hidden-left"]) {
        await rawRun(first, "INSERT INTO app_meta (key, value) VALUES (?, 'staging')", [
          `restore-hidden:${id}`,
        ]);
      }
    });

    afterAll(async () => {
      await second.$client.end();
      await testDb.close();
    });

    it("answers CONFLICT on the other instance while it runs, and skips its hidden owners", async () => {
      expect(await restoreInProgress(other, HOUSEHOLD)).toBe(false);
      const lock = await beginRestore(first, HOUSEHOLD);
      try {
        await lock.use("hidden-live");
        expect(await restoreInProgress(other, HOUSEHOLD)).toBe(true);
        expect(await restoreInProgress(other, "another-household")).toBe(false);
        await expect(beginRestore(other, HOUSEHOLD)).rejects.toMatchObject({ code: "CONFLICT" });
        // The other instance's household mutations: its check reads pg_locks.
        const api = createCaller(createInnerContext({ db: other, ownerId: HOUSEHOLD }));
        await expectTrpcError(api.plans.create({ name: "During", dayCount: 1 }), "CONFLICT");
        expect(await restoreLeftovers(other)).toEqual(["hidden-left"]);
        expect(await deleteRestoreLeftovers(other)).toBe(1);
      } finally {
        await lock.release();
      }
      expect(await restoreInProgress(other, HOUSEHOLD)).toBe(false);
      // Released: the live one is a leftover now, and a restore may begin elsewhere.
      expect(await restoreLeftovers(other)).toEqual(["hidden-live"]);
      const again = await beginRestore(other, HOUSEHOLD);
      await again.release();
    });
  },
);
