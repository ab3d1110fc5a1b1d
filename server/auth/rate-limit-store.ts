/**
 * better-auth's rate-limit counter in the database, one statement per attempt (used on
 * PostgreSQL, where several app instances share the count; docs/postgresql-design.md).
 *
 * better-auth's own database storage reads the row and then updates it `WHERE count < max`
 * through an `id IN (subquery)`; under READ COMMITTED the subquery is not re-checked after
 * waiting for a concurrent update's row lock, so a burst of simultaneous attempts from one
 * address could let one more through than the limit (measured: bursts of 30 and 50 with a
 * limit of 4 let 5 through). Here the insert, the window reset and the conditional increment
 * are one `INSERT … ON CONFLICT (key) DO UPDATE … WHERE … RETURNING`: PostgreSQL takes the
 * row lock and evaluates the condition on the newest row version, so the count is exact.
 *
 * The rule is better-auth's (decideConsume in better-auth's rate limiter): `max` attempts
 * are allowed until `window` seconds pass with no allowed attempt (each allowed attempt
 * moves `last_request` on; a refused one changes nothing); then the count starts again at
 * 1. The statement is portable (SQLite 3.35+ has RETURNING).
 */
import { randomUUID } from "node:crypto";
import type { BetterAuthRateLimitStorage } from "@better-auth/core";
import type { AppDatabase } from "../../db/dialect";
import { rawGet, rawRun } from "../../db/raw";

const CONSUME_SQL = `INSERT INTO auth_rate_limits (id, key, count, last_request)
  VALUES (:id, :key, 1, :now)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE
      WHEN :now - auth_rate_limits.last_request >= :windowMs THEN 1
      ELSE auth_rate_limits.count + 1
    END,
    -- Attempts race: one that read the clock earlier never moves the window back.
    last_request = CASE
      WHEN :now > auth_rate_limits.last_request THEN :now
      ELSE auth_rate_limits.last_request
    END
  WHERE auth_rate_limits.count < :max OR :now - auth_rate_limits.last_request >= :windowMs
  RETURNING count`;
/** One row when the attempt is allowed; none when the limit was already reached. */
type ConsumedRow = { count: number };

const LAST_REQUEST_SQL = "SELECT last_request FROM auth_rate_limits WHERE key = :key";
/** `last_request` is a bigint: a number through the pool's type parser, or a string. */
type LastRequestRow = { last_request: number | string };

const PRUNE_SQL = "DELETE FROM auth_rate_limits WHERE last_request < :cutoff";
/** Expired rows are deleted at most this often per process. */
const PRUNE_EVERY_MS = 60_000;
/**
 * Rows are kept at least this long, whatever windows this process has seen so far: an
 * instance that has just started and seen only a short rule (better-auth's 10 s one for
 * changing a password) must not delete another rule's row inside its window.
 */
export const MIN_KEEP_SECONDS = 3600;

type RateLimitRule = Parameters<BetterAuthRateLimitStorage["consume"]>[1];
type Decision = Awaited<ReturnType<BetterAuthRateLimitStorage["consume"]>>;

/** A `rateLimit.customStorage` for better-auth on this database. */
export function databaseRateLimitStorage(
  db: AppDatabase,
  clock: () => number = Date.now,
): BetterAuthRateLimitStorage {
  let longestWindowMs = MIN_KEEP_SECONDS * 1000;
  let lastPrune = 0;

  const prune = async (now: number) => {
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    try {
      await rawRun(db, PRUNE_SQL, { cutoff: now - longestWindowMs });
    } catch (error) {
      console.error("rate limit: pruning expired rows failed", error);
    }
  };

  const consume = async (key: string, rule: RateLimitRule, tries = 0): Promise<Decision> => {
    const now = clock();
    const windowMs = rule.window * 1000;
    longestWindowMs = Math.max(longestWindowMs, windowMs);
    const params = { id: randomUUID(), key, now, windowMs, max: rule.max };
    const allowed = await rawGet<ConsumedRow>(db, CONSUME_SQL, params);
    if (allowed) {
      await prune(now);
      return { allowed: true, retryAfter: null };
    }
    const row = await rawGet<LastRequestRow>(db, LAST_REQUEST_SQL, { key });
    // Pruned in between (its window had passed): count this attempt again, once.
    if (!row) {
      return tries === 0 ? consume(key, rule, 1) : { allowed: false, retryAfter: rule.window };
    }
    // Within 1 s…window: a concurrent attempt may have read a slightly later clock.
    const seconds = Math.ceil((Number(row.last_request) + windowMs - now) / 1000);
    const retryAfter = Math.min(rule.window, Math.max(1, seconds));
    return { allowed: false, retryAfter };
  };

  return { consume: (key: string, rule: RateLimitRule) => consume(key, rule) };
}
