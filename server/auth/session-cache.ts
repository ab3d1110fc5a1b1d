/**
 * A short-lived, per-process memory of verified session cookies, so the requests of one
 * page load (a page and its tRPC calls, a burst of edits) do not each pay better-auth's
 * full session check: signature, session row, user row, about 1 ms at p50 and 3-4 ms at
 * p95 here (bench/session.bench.ts).
 *
 * What is kept: the exact cookie value better-auth accepted (token and signature, so a
 * forged or altered cookie never matches), the account it belongs to and when the session
 * itself expires. An entry lives at most SESSION_CACHE_MS, never past the session's own
 * expiry, and every request to better-auth's endpoints in this process (sign-out, revoking
 * sessions, password changes …) empties the cache first. Household membership and role
 * are not cached: they are read per request, so removing a member or deleting an account
 * takes effect at once.
 *
 * Several app instances (PostgreSQL behind a load balancer, issue 17): each has its own
 * memory, and a sign-out, "sign out everywhere" or password reset handled by another
 * instance empties only that one's. Here it is seen within SESSION_CACHE_MS: the cookie's
 * entry runs out and better-auth, asked again, finds the session gone from the database
 * (tests/integration/accounts.test.ts; docs/architecture.md). Removing a member is seen
 * at once everywhere (membership is read per request).
 */

/** How long a verified cookie is trusted without asking better-auth again. */
export const SESSION_CACHE_MS = 10_000;
const MAX_ENTRIES = 2_000;

type Entry = { accountId: string; until: number };

// One memory per process, kept on globalThis: Next.js bundles each route (better-auth's
// endpoints, tRPC, the pages) with its own copy of this module, and a sign-out handled by
// one route must empty the memory the others read. Found by the "sign out everywhere"
// journey: with a module-level Map the other device's page still rendered.
const GLOBAL_KEY = Symbol.for("b12-planner.verified-session-cookies");
const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: Map<string, Entry> };
holder[GLOBAL_KEY] ??= new Map<string, Entry>();
const entries: Map<string, Entry> = holder[GLOBAL_KEY];

export function cachedAccount(cookieValue: string, now = Date.now()): string | null {
  const entry = entries.get(cookieValue);
  if (!entry) return null;
  if (entry.until <= now) {
    entries.delete(cookieValue);
    return null;
  }
  return entry.accountId;
}

export function rememberAccount(
  cookieValue: string,
  accountId: string,
  sessionExpiresAt: number,
  now = Date.now(),
): void {
  const until = Math.min(now + SESSION_CACHE_MS, sessionExpiresAt);
  if (until <= now) return;
  if (entries.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest.
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(cookieValue, { accountId, until });
}

/** Forget every cached session (any request to better-auth's own endpoints). */
export function forgetCachedSessions(): void {
  entries.clear();
}
