/**
 * Households: who belongs to which household (an `owners` row) with which role, the
 * invitations that let someone join, and the admin's settings. Services take `db` and
 * plain ids; the auth layer (server/auth) and the households router call them.
 *
 * Another household's member or invitation is answered exactly like an unknown id.
 */

import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { first, write } from "../../db/dialect";
import { rawGet } from "../../db/raw";
import {
  appMeta,
  authAccounts,
  authSessions,
  authUsers,
  householdInvitations,
  householdMembers,
  owners,
} from "../../db/schema";
import { forgetCachedSessions } from "../auth/session-cache";
import type { HouseholdRole } from "../domain/vocabulary";
import { AppError, invalid, notFound } from "../errors";
import { checkMemberRoom } from "./limits";

/** The household that holds every existing database's data: the first account's. */
export const FIRST_HOUSEHOLD_ID = "local";
/** How long an invitation link works. */
export const INVITATION_LIFETIME_DAYS = 7;

const SETTING_PASSWORD_SIGN_UP = "auth.password_sign_up";
export const SETTING_SETUP_CODE_HASH = "auth.setup_code_hash";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export async function countAccounts(db: AppDatabase): Promise<number> {
  const row = await rawGet<{ n: number }>(db, "SELECT count(*) AS n FROM auth_users");
  return row?.n ?? 0;
}

export async function hasAnyAccount(db: AppDatabase): Promise<boolean> {
  return (await rawGet(db, "SELECT 1 AS one FROM auth_users LIMIT 1")) !== undefined;
}

async function readMeta(db: AppDatabase, key: string): Promise<string | null> {
  return (await first(db.select().from(appMeta).where(eq(appMeta.key, key))))?.value ?? null;
}

async function writeMeta(db: AppDatabase, key: string, value: string | null): Promise<void> {
  if (value === null) {
    await db.delete(appMeta).where(eq(appMeta.key, key));
    return;
  }
  await db
    .insert(appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value } });
}

/** Password sign-up (for invited people) is on unless the admin switched it off. */
export async function isPasswordSignUpEnabled(db: AppDatabase): Promise<boolean> {
  return (await readMeta(db, SETTING_PASSWORD_SIGN_UP)) !== "off";
}

export async function setPasswordSignUp(db: AppDatabase, enabled: boolean): Promise<void> {
  await writeMeta(db, SETTING_PASSWORD_SIGN_UP, enabled ? null : "off");
}

/**
 * A new one-time setup code for the first account (printed by `npm start`); only its
 * hash is stored. Returns null once an account exists.
 */
/** A new one-time setup code (12 URL-safe characters, 72 random bits); only its hash is stored. */
export function newSetupCode(): string {
  return randomBytes(9).toString("base64url");
}

export async function issueSetupCode(db: AppDatabase): Promise<string | null> {
  if (await hasAnyAccount(db)) {
    await writeMeta(db, SETTING_SETUP_CODE_HASH, null);
    return null;
  }
  const code = newSetupCode();
  await writeMeta(db, SETTING_SETUP_CODE_HASH, sha256(code));
  return code;
}

export async function isValidSetupCode(db: AppDatabase, code: string | null): Promise<boolean> {
  if (!code) return false;
  const stored = await readMeta(db, SETTING_SETUP_CODE_HASH);
  return stored !== null && stored === sha256(code.trim());
}

export type Membership = { householdId: string; role: HouseholdRole };

export async function findMembership(db: AppDatabase, userId: string): Promise<Membership | null> {
  const row = await first(
    db
      .select({ householdId: householdMembers.householdId, role: householdMembers.role })
      .from(householdMembers)
      .where(eq(householdMembers.userId, userId)),
  );
  return row ?? null;
}

type LiveInvitation = { id: string; householdId: string; role: HouseholdRole };

/** The invitation a token opens, if it is unused and not expired. */
export async function findLiveInvitation(
  db: AppDatabase,
  token: string,
): Promise<LiveInvitation | null> {
  const row = await first(
    db
      .select({
        id: householdInvitations.id,
        householdId: householdInvitations.householdId,
        role: householdInvitations.role,
        expiresAt: householdInvitations.expiresAt,
      })
      .from(householdInvitations)
      .where(
        and(eq(householdInvitations.tokenHash, sha256(token)), isNull(householdInvitations.usedAt)),
      ),
  );
  if (!row || row.expiresAt <= new Date().toISOString()) return null;
  return { id: row.id, householdId: row.householdId, role: row.role };
}

/**
 * Gives a just-created account its household, in one transaction: the very first account
 * takes the `local` household (all data of an existing database) as its owner; anyone
 * else needs a live invitation, which this uses up. Returns null when neither applies
 * (the caller then removes the account).
 *
 * The transaction is the household's write (the invitation's household, else `local`):
 * on PostgreSQL that locks its owners row, so accounts created at the same moment (two
 * requests, two app instances) cannot all become the first account's owner, nor together
 * take more places than the household has left. On SQLite every write is serialised anyway.
 */
export async function attachNewAccount(
  db: AppDatabase,
  userId: string,
  invitationToken: string | null,
): Promise<Membership | null> {
  const invited = invitationToken ? await findLiveInvitation(db, invitationToken) : null;
  return await write(db, invited?.householdId ?? FIRST_HOUSEHOLD_ID, async (tx) => {
    const anyMember = await first(
      tx.select({ userId: householdMembers.userId }).from(householdMembers).limit(1),
    );
    if (!anyMember) {
      // The `local` owner of a database from before accounts was called "Local user".
      await tx
        .insert(owners)
        .values({ id: FIRST_HOUSEHOLD_ID, name: "Our household" })
        .onConflictDoUpdate({
          target: owners.id,
          set: { name: "Our household" },
          where: eq(owners.name, "Local user"),
        });
      await tx
        .insert(householdMembers)
        .values({ userId, householdId: FIRST_HOUSEHOLD_ID, role: "owner" });
      await tx.delete(appMeta).where(eq(appMeta.key, SETTING_SETUP_CODE_HASH));
      return { householdId: FIRST_HOUSEHOLD_ID, role: "owner" as const };
    }
    if (!invitationToken) return null;
    const invitation = await findLiveInvitation(tx as unknown as AppDatabase, invitationToken);
    if (!invitation) return null;
    // A household that filled up since the invitation was made takes nobody more (the
    // invitation stays unused for when there is room again).
    try {
      await checkMemberRoom(tx, invitation.householdId);
    } catch {
      return null;
    }
    const now = new Date().toISOString();
    const used = await tx
      .update(householdInvitations)
      .set({ usedAt: now, usedBy: userId })
      .where(and(eq(householdInvitations.id, invitation.id), isNull(householdInvitations.usedAt)))
      .returning({ id: householdInvitations.id });
    if (used.length !== 1) return null;
    await tx
      .insert(householdMembers)
      .values({ userId, householdId: invitation.householdId, role: invitation.role });
    return { householdId: invitation.householdId, role: invitation.role };
  });
}

export async function deleteAccount(db: AppDatabase, userId: string): Promise<void> {
  await db.delete(authUsers).where(eq(authUsers.id, userId));
}

export type HouseholdView = {
  id: string;
  name: string;
  members: { userId: string; name: string; email: string; role: HouseholdRole; joinedAt: string }[];
  invitations: { id: string; role: HouseholdRole; expiresAt: string; createdAt: string }[];
  settings: { passwordSignUp: boolean };
};

export async function getHousehold(db: AppDatabase, householdId: string): Promise<HouseholdView> {
  const owner = await first(db.select().from(owners).where(eq(owners.id, householdId)));
  if (!owner) throw notFound("This household does not exist.", "householdId");
  const members = await db
    .select({
      userId: householdMembers.userId,
      name: authUsers.name,
      email: authUsers.email,
      role: householdMembers.role,
      joinedAt: householdMembers.createdAt,
    })
    .from(householdMembers)
    .innerJoin(authUsers, eq(authUsers.id, householdMembers.userId))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(householdMembers.createdAt);
  const now = new Date().toISOString();
  const invitations = (
    await db
      .select({
        id: householdInvitations.id,
        role: householdInvitations.role,
        expiresAt: householdInvitations.expiresAt,
        createdAt: householdInvitations.createdAt,
      })
      .from(householdInvitations)
      .where(
        and(eq(householdInvitations.householdId, householdId), isNull(householdInvitations.usedAt)),
      )
      .orderBy(householdInvitations.createdAt)
  ).filter((invitation) => invitation.expiresAt > now);
  return {
    id: owner.id,
    name: owner.name,
    members,
    invitations,
    settings: { passwordSignUp: await isPasswordSignUpEnabled(db) },
  };
}

export async function renameHousehold(
  db: AppDatabase,
  householdId: string,
  name: string,
): Promise<void> {
  await db.update(owners).set({ name }).where(eq(owners.id, householdId));
}

/** A new invitation; the token is returned once (the link), only its hash is kept. */
export async function createInvitation(
  db: AppDatabase,
  householdId: string,
  createdBy: string,
  role: HouseholdRole,
): Promise<{ id: string; token: string; role: HouseholdRole; expiresAt: string }> {
  await checkMemberRoom(db, householdId);
  const token = randomBytes(24).toString("base64url");
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_DAYS * 86_400_000).toISOString();
  await db
    .insert(householdInvitations)
    .values({ id, householdId, tokenHash: sha256(token), role, createdBy, expiresAt });
  return { id, token, role, expiresAt };
}

export async function revokeInvitation(
  db: AppDatabase,
  householdId: string,
  invitationId: string,
): Promise<void> {
  const removed = await db
    .delete(householdInvitations)
    .where(
      and(
        eq(householdInvitations.id, invitationId),
        eq(householdInvitations.householdId, householdId),
      ),
    )
    .returning({ id: householdInvitations.id });
  if (removed.length === 0) throw notFound("This invitation does not exist.", "invitationId");
}

async function requireMember(
  db: AppDatabase,
  householdId: string,
  userId: string,
): Promise<Membership> {
  const membership = await findMembership(db, userId);
  if (!membership || membership.householdId !== householdId) {
    throw notFound("This member does not exist.", "userId");
  }
  return membership;
}

async function countOwners(db: AppDatabase, householdId: string): Promise<number> {
  return (
    await db
      .select({ userId: householdMembers.userId })
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.role, "owner")))
  ).length;
}

/** Changes a member's role; a household always keeps at least one owner. */
export async function setMemberRole(
  db: AppDatabase,
  householdId: string,
  userId: string,
  role: HouseholdRole,
): Promise<void> {
  await write(db, householdId, async (tx) => {
    const database = tx as unknown as AppDatabase;
    const membership = await requireMember(database, householdId, userId);
    if (
      membership.role === "owner" &&
      role !== "owner" &&
      (await countOwners(database, householdId)) < 2
    ) {
      throw new AppError("CONFLICT", "A household needs at least one owner.", "role");
    }
    await tx.update(householdMembers).set({ role }).where(eq(householdMembers.userId, userId));
  });
}

/** Removes a member's account from the household (their sign-ins end with it). */
export async function removeMember(
  db: AppDatabase,
  householdId: string,
  userId: string,
): Promise<void> {
  await write(db, householdId, async (tx) => {
    const database = tx as unknown as AppDatabase;
    const membership = await requireMember(database, householdId, userId);
    if (membership.role === "owner" && (await countOwners(database, householdId)) < 2) {
      throw new AppError("CONFLICT", "A household needs at least one owner.", "userId");
    }
    await tx.delete(authUsers).where(eq(authUsers.id, userId));
  });
}

/**
 * Sets a member's password (the admin's "reset a password") and ends all of that
 * account's sessions. `passwordHash` comes from better-auth's hasher (server/auth).
 */
export async function setMemberPassword(
  db: AppDatabase,
  householdId: string,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await write(db, householdId, async (tx) => {
    await requireMember(tx as unknown as AppDatabase, householdId, userId);
    const now = new Date();
    const updated = await tx
      .update(authAccounts)
      .set({ password: passwordHash, updatedAt: now })
      .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")))
      .returning({ id: authAccounts.id });
    if (updated.length === 0) {
      await tx.insert(authAccounts).values({
        id: randomUUID(),
        accountId: userId,
        providerId: "credential",
        userId,
        password: passwordHash,
        createdAt: now,
        updatedAt: now,
      });
    }
    await tx.delete(authSessions).where(eq(authSessions.userId, userId));
  });
  // Those sessions are gone: none may stay trusted from the context's memory of verified
  // cookies (server/auth/session-cache.ts).
  forgetCachedSessions();
}

export function requirePasswordLength(password: string): void {
  if (password.length < 8)
    throw invalid("newPassword must be at least 8 characters.", "newPassword");
}
