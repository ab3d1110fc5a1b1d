/**
 * Who is asking: the better-auth session from a request's cookies, and the household the
 * account belongs to with its role. Read once per request by the tRPC context
 * (server/trpc/init.ts); procedures never read cookies.
 */
import type { AppDatabase } from "../../db/client";
import type { HouseholdRole } from "../domain/vocabulary";
import { findMembership } from "../services/households";
import type { Auth } from "./auth";
import { cachedAccount, rememberAccount } from "./session-cache";

const SESSION_COOKIE = /(?:^|;\s*)((?:__Secure-)?better-auth\.session_token=[^;]*)/g;

/** The session cookies of a Cookie header as sent ("name=value", both forms), or "". */
export function sessionCookiesOf(cookieHeader: string): string {
  return Array.from(cookieHeader.matchAll(SESSION_COOKIE), (match) => match[1]).join("; ");
}

export type RequestSession = {
  accountId: string;
  /** The household (an `owners` row id): what every service calls `ownerId`. */
  householdId: string;
  role: HouseholdRole;
};

/** The signed-in account of these headers, or null (no cookie, expired, or no household). */
export async function readRequestSession(
  auth: Auth,
  db: AppDatabase,
  headers: Headers,
): Promise<RequestSession | null> {
  const key = sessionCookiesOf(headers.get("cookie") ?? "");
  if (!key) return null;
  let accountId = cachedAccount(key);
  if (!accountId) {
    const session = await auth.api.getSession({ headers });
    if (!session) return null;
    accountId = session.user.id;
    rememberAccount(key, accountId, new Date(session.session.expiresAt).getTime());
  }
  // Membership and role are read every time (not cached): removing a member or deleting
  // an account takes effect on the next request.
  const membership = await findMembership(db, accountId);
  if (!membership) return null;
  return { accountId, householdId: membership.householdId, role: membership.role };
}
