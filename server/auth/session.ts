/**
 * Who is asking: the better-auth session from a request's cookies, and the household the
 * account belongs to with its role. Read once per request by the tRPC context
 * (server/trpc/init.ts); procedures never read cookies.
 */
import type { AppDatabase } from "../../db/client";
import type { HouseholdRole } from "../domain/vocabulary";
import { findMembership } from "../services/households";
import type { Auth } from "./auth";

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
  const cookie = headers.get("cookie");
  if (!cookie?.includes("session_token")) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const membership = await findMembership(db, session.user.id);
  if (!membership) return null;
  return { accountId: session.user.id, householdId: membership.householdId, role: membership.role };
}
