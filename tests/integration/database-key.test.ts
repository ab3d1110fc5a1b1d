/**
 * databaseKey (db/dialect.ts), which per-process caches and marks are keyed by (raw forms
 * of the shopping list, restores under way): the same inside write(), nested or not, as
 * outside. On PostgreSQL a transaction runs on its own pooled client, which used to give
 * every write its own key, so a cache filled inside one was never found again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type AppDatabase, databaseKey, write } from "@/db/dialect";
import { createTestDatabase, type TestDatabase } from "../factories/database";

let test: TestDatabase | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describe("databaseKey", () => {
  it("is the database's own inside a write and a nested write", async () => {
    test = createTestDatabase({ seed: false });
    const db = test.db as unknown as AppDatabase;
    const outside = databaseKey(db);
    const inside = await write(db, null, async (tx) => {
      const nested = await write(tx, null, async (savepoint) => databaseKey(savepoint));
      return [databaseKey(tx), nested];
    });
    expect(inside[0]).toBe(outside);
    expect(inside[1]).toBe(outside);
  });

  it("differs between two databases", async () => {
    test = createTestDatabase({ seed: false });
    const other = createTestDatabase({ seed: false });
    try {
      expect(databaseKey(test.db as unknown as AppDatabase)).not.toBe(
        databaseKey(other.db as unknown as AppDatabase),
      );
    } finally {
      await other.close();
    }
  });
});
