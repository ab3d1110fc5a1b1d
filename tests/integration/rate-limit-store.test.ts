/**
 * The database rate-limit counter (server/auth/rate-limit-store.ts) on a real database:
 * better-auth's rule (a window from the first attempt, `max` allowed in it, refusals change
 * nothing) and an exact count under a burst of simultaneous attempts, which on PostgreSQL
 * run on several pool connections at once. Runs on SQLite and, in `npm run test:pg`, on
 * PostgreSQL.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/dialect";
import { rawAll } from "@/db/raw";
import { databaseRateLimitStorage, MIN_KEEP_SECONDS } from "@/server/auth/rate-limit-store";
import { createTestDatabase, type TestDatabase } from "../factories/database";

let test: TestDatabase | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

function open(): AppDatabase {
  test = createTestDatabase({ seed: false });
  return test.db as unknown as AppDatabase;
}

const rule = { window: 60, max: 4 };

describe("databaseRateLimitStorage", () => {
  it("allows max attempts in a window, then refuses until it has passed", async () => {
    const db = open();
    let now = 1_800_000_000_000;
    const store = databaseRateLimitStorage(db, () => now);
    const allowed = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      allowed.push((await store.consume("203.0.113.1|/sign-in/email", rule)).allowed);
      now += 1000;
    }
    expect(allowed).toEqual([true, true, true, true]);
    // The last allowed attempt was at +3 s: the window runs to +63 s.
    expect(await store.consume("203.0.113.1|/sign-in/email", rule)).toEqual({
      allowed: false,
      retryAfter: 59,
    });
    now += 30_000;
    expect(await store.consume("203.0.113.1|/sign-in/email", rule)).toEqual({
      allowed: false,
      retryAfter: 29,
    });
    // A refusal changes nothing; another key has its own count.
    expect((await store.consume("203.0.113.2|/sign-in/email", rule)).allowed).toBe(true);
    now += 29_000;
    expect((await store.consume("203.0.113.1|/sign-in/email", rule)).allowed).toBe(true);
    const rows = await rawAll<{ key: string; count: number }>(
      db,
      "SELECT key, count FROM auth_rate_limits ORDER BY key",
    );
    expect(rows).toEqual([
      { key: "203.0.113.1|/sign-in/email", count: 1 },
      { key: "203.0.113.2|/sign-in/email", count: 1 },
    ]);
  });

  it("a new instance's first clean-up keeps rows still inside a longer window", async () => {
    const db = open();
    let now = 1_800_000_000_000;
    const first = databaseRateLimitStorage(db, () => now);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await first.consume("203.0.113.9|/sign-in/email", rule);
    }
    expect((await first.consume("203.0.113.9|/sign-in/email", rule)).allowed).toBe(false);
    // 15 s later a restarted instance first sees a 10 s rule (changing a password): its
    // clean-up must not take the sign-in row, 45 s from the end of its window, with it.
    now += 15_000;
    const restarted = databaseRateLimitStorage(db, () => now);
    const shortRule = { window: 10, max: 3 };
    expect((await restarted.consume("203.0.113.9|/change-password", shortRule)).allowed).toBe(true);
    expect(await restarted.consume("203.0.113.9|/sign-in/email", rule)).toEqual({
      allowed: false,
      retryAfter: 45,
    });
    // Rows older than MIN_KEEP_SECONDS go at the next clean-up (at most one a minute).
    now += MIN_KEEP_SECONDS * 1000 + 60_000;
    await restarted.consume("203.0.113.10|/sign-in/email", rule);
    const keys = await rawAll<{ key: string }>(db, "SELECT key FROM auth_rate_limits ORDER BY key");
    expect(keys).toEqual([{ key: "203.0.113.10|/sign-in/email" }]);
  });

  it("lets exactly max through a burst of simultaneous attempts from two instances", async () => {
    const db = open();
    const one = databaseRateLimitStorage(db);
    const two = databaseRateLimitStorage(db);
    for (const burst of [12, 50, 100]) {
      const key = `198.51.100.${burst}|/sign-in/email`;
      const decisions = await Promise.all(
        Array.from({ length: burst }, (_, index) =>
          (index % 2 === 0 ? one : two).consume(key, rule),
        ),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(4);
      for (const refused of decisions.filter((decision) => !decision.allowed)) {
        expect(refused.retryAfter).toBeGreaterThanOrEqual(59);
        expect(refused.retryAfter).toBeLessThanOrEqual(60);
      }
    }
  });
});
