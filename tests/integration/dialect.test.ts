import { readFile } from "node:fs/promises";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type AppDatabase, openDatabase } from "@/db/client";
import { first, inWrite, one, setWriteGuardMode, WriteGuardError, write } from "@/db/dialect";
import { owners } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";

/**
 * db/dialect.ts on a real SQLite file: the asynchronous write transaction (commit,
 * rollback, queueing, savepoints, the event-loop guard) and first().
 */
let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase({ seed: false });
});
afterAll(() => t.close());
beforeEach(() => {
  t.db.$client.prepare(`DELETE FROM owners WHERE id LIKE 'dialect-%'`).run();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The dialect-test owners as another connection sees them (committed rows only). */
function committedIds(): string[] {
  const other = openDatabase(t.filePath);
  try {
    return (
      other.$client
        .prepare(`SELECT id FROM owners WHERE id LIKE 'dialect-%' ORDER BY id`)
        .all() as { id: string }[]
    ).map((row) => row.id);
  } finally {
    other.$client.close();
  }
}

const addOwner = (db: AppDatabase, id: string) => db.insert(owners).values({ id, name: id });

describe("write()", () => {
  it("commits the awaited statements of its callback and returns its value", async () => {
    const result = await write(t.db, null, async (tx) => {
      await addOwner(tx, "dialect-a");
      await addOwner(tx, "dialect-b");
      expect(t.db.$client.inTransaction).toBe(true);
      expect(committedIds()).toEqual([]); // not visible to others before COMMIT
      return "done";
    });
    expect(result).toBe("done");
    expect(t.db.$client.inTransaction).toBe(false);
    expect(committedIds()).toEqual(["dialect-a", "dialect-b"]);
  });

  it("rolls back everything when the callback throws, and rethrows", async () => {
    await expect(
      write(t.db, null, async (tx) => {
        await addOwner(tx, "dialect-a");
        await tx.update(owners).set({ name: "renamed" }).where(eq(owners.id, "dialect-a"));
        await addOwner(tx, "dialect-b");
        throw new Error("callback failed");
      }),
    ).rejects.toThrow("callback failed");
    expect(t.db.$client.inTransaction).toBe(false);
    expect(committedIds()).toEqual([]);
    // The queue was released: the next write runs.
    await write(t.db, null, (tx) => addOwner(tx, "dialect-c"));
    expect(committedIds()).toEqual(["dialect-c"]);
  });

  it("rolls back when a statement fails (a primary-key clash)", async () => {
    await addOwner(t.db, "dialect-a");
    await expect(
      write(t.db, null, async (tx) => {
        await addOwner(tx, "dialect-b");
        await addOwner(tx, "dialect-a");
      }),
    ).rejects.toThrow(/UNIQUE constraint failed/);
    expect(committedIds()).toEqual(["dialect-a"]);
  });

  it("serialises two overlapping writes: the second begins after the first commits", async () => {
    const events: string[] = [];
    const countRows = async (tx: AppDatabase) =>
      (await tx.select().from(owners).where(like(owners.id, "dialect-%"))).length;
    const firstWrite = write(t.db, null, async (tx) => {
      events.push("first begins");
      await addOwner(tx, "dialect-1");
      await countRows(tx);
      await addOwner(tx, "dialect-2");
      events.push("first ends");
    });
    const secondWrite = write(t.db, null, async (tx) => {
      events.push("second begins");
      const seen = await countRows(tx);
      await addOwner(tx, "dialect-3");
      return seen;
    });
    const [, seenBySecond] = await Promise.all([firstWrite, secondWrite]);
    expect(events).toEqual(["first begins", "first ends", "second begins"]);
    expect(seenBySecond).toBe(2);
    expect(committedIds()).toEqual(["dialect-1", "dialect-2", "dialect-3"]);
  });

  it("a failing write does not take the queued one down with it", async () => {
    const failing = write(t.db, null, async (tx) => {
      await addOwner(tx, "dialect-x");
      throw new Error("first fails");
    });
    const following = write(t.db, null, (tx) => addOwner(tx, "dialect-y"));
    await expect(failing).rejects.toThrow("first fails");
    await following;
    expect(committedIds()).toEqual(["dialect-y"]);
  });

  it("refuses to start inside a transaction it did not open", async () => {
    t.db.$client.exec("BEGIN");
    try {
      await expect(write(t.db, null, (tx) => addOwner(tx, "dialect-a"))).rejects.toThrow(
        /already inside a transaction/,
      );
    } finally {
      t.db.$client.exec("ROLLBACK");
    }
  });
});

describe("the event-loop guard", () => {
  it("fails and rolls back a write whose callback awaits a timer", async () => {
    await expect(
      write(t.db, null, async (tx) => {
        await addOwner(tx, "dialect-a");
        await pause(5);
        await addOwner(tx, "dialect-b");
      }),
    ).rejects.toBeInstanceOf(WriteGuardError);
    expect(t.db.$client.inTransaction).toBe(false);
    expect(committedIds()).toEqual([]);
  });

  it("fails a write whose callback awaits file I/O", async () => {
    await expect(
      write(t.db, null, async (tx) => {
        await addOwner(tx, "dialect-a");
        await readFile(t.filePath);
      }),
    ).rejects.toThrow(/event-loop turn/);
    expect(committedIds()).toEqual([]);
  });

  it("fails a write started inside a setImmediate callback that awaits a zero timer", async () => {
    const outcome = await new Promise<unknown>((resolve) => {
      setImmediate(() => {
        write(t.db, null, async (tx) => {
          await addOwner(tx, "dialect-a");
          await pause(0);
        }).then(resolve, resolve);
      });
    });
    expect(outcome).toBeInstanceOf(WriteGuardError);
    expect(committedIds()).toEqual([]);
  });

  it("in production mode logs instead and lets the write commit", async () => {
    const previous = setWriteGuardMode("log");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await write(t.db, null, async (tx) => {
        await addOwner(tx, "dialect-a");
        await pause(2);
      });
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]?.[0])).toMatch(/event-loop turn/);
    } finally {
      log.mockRestore();
      setWriteGuardMode(previous);
    }
    expect(committedIds()).toEqual(["dialect-a"]);
  });

  it("does not fire for a callback that awaits only database work, however much", async () => {
    await write(t.db, null, async (tx) => {
      for (let i = 0; i < 200; i += 1) await addOwner(tx, `dialect-${String(i).padStart(3, "0")}`);
      for (let i = 0; i < 200; i += 1) await first(tx.select().from(owners));
    });
    expect(committedIds()).toHaveLength(200);
  });
});

describe("nested write()", () => {
  it("uses a savepoint: an inner throw caught by the outer keeps the outer's writes", async () => {
    await write(t.db, null, async (tx) => {
      await addOwner(tx, "dialect-a");
      await expect(
        write(tx, null, async (inner) => {
          expect(inWrite(inner)).toBe(true);
          await addOwner(inner, "dialect-b");
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      expect(t.db.$client.inTransaction).toBe(true);
      await write(tx, null, (inner) => addOwner(inner, "dialect-c"));
      await addOwner(tx, "dialect-d");
    });
    expect(committedIds()).toEqual(["dialect-a", "dialect-c", "dialect-d"]);
  });

  it("an outer throw rolls back the inner write it had released", async () => {
    await expect(
      write(t.db, null, async (tx) => {
        await write(tx, null, (inner) => addOwner(inner, "dialect-a"));
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(committedIds()).toEqual([]);
  });

  it("nests three deep and serialises sibling savepoints", async () => {
    await write(t.db, null, async (tx) => {
      await Promise.all([
        write(tx, null, async (inner) => {
          await addOwner(inner, "dialect-a");
          await write(inner, null, async (deepest) => {
            await addOwner(deepest, "dialect-b");
            throw new Error("deepest fails");
          }).catch(() => undefined);
        }),
        write(tx, null, async (inner) => {
          await addOwner(inner, "dialect-c");
          throw new Error("sibling fails");
        }).catch(() => undefined),
      ]);
    });
    expect(committedIds()).toEqual(["dialect-a"]);
  });

  it("is not nested once the outer write has finished", async () => {
    await write(t.db, null, (tx) => addOwner(tx, "dialect-a"));
    expect(inWrite(t.db)).toBe(false);
  });
});

describe("first()", () => {
  it("gives the first row of a select, or undefined", async () => {
    await addOwner(t.db, "dialect-b");
    await addOwner(t.db, "dialect-a");
    const row = await first(
      t.db
        .select({ id: owners.id })
        .from(owners)
        .where(like(owners.id, "dialect-%"))
        .orderBy(owners.id),
    );
    expect(row).toEqual({ id: "dialect-a" });
    expect(await first(t.db.select().from(owners).where(eq(owners.id, "dialect-none")))).toBe(
      undefined,
    );
  });

  it("gives the returned row of an insert", async () => {
    const row = await first(
      t.db.insert(owners).values({ id: "dialect-r", name: "R" }).returning({ name: owners.name }),
    );
    expect(row).toEqual({ name: "R" });
  });
});

describe("first() on writes", () => {
  it("an update with returning changes every matching row, not only the first", async () => {
    await addOwner(t.db, "dialect-u1");
    await addOwner(t.db, "dialect-u2");
    const row = await first(
      t.db
        .update(owners)
        .set({ name: "both" })
        .where(like(owners.id, "dialect-u%"))
        .returning({ id: owners.id }),
    );
    expect(row?.id).toMatch(/^dialect-u[12]$/);
    const names = await t.db
      .select({ name: owners.name })
      .from(owners)
      .where(like(owners.id, "dialect-u%"));
    expect(names).toEqual([{ name: "both" }, { name: "both" }]);
  });
});

describe("one()", () => {
  it("gives the row an insert returns, and throws when a statement returns none", async () => {
    const row = await one(t.db.insert(owners).values({ id: "dialect-o", name: "O" }).returning());
    expect(row.name).toBe("O");
    await expect(
      one(t.db.update(owners).set({ name: "x" }).where(eq(owners.id, "dialect-none")).returning()),
    ).rejects.toThrow(/returned no row/);
  });
});
