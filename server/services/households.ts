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
import { write } from "../../db/dialect";
import {
  appMeta,
  authAccounts,
  authSessions,
  authUsers,
  householdInvitations,
  householdMembers,
  owners,
} from "../../db/schema";
import type { HouseholdRole } from "../domain/vocabulary";
import { AppError, invalid, notFound } from "../errors";
import { checkMemberRoom } from "./limits";

/** The household that holds every existing database's data: the first account's. */
export const FIRST_HOUSEHOLD_ID = "local";
/** How long an invitation link works. */
export const INVITATION_LIFETIME_DAYS = 7;

const SETTING_PASSWORD_SIGN_UP = "auth.password_sign_up";
const SETTING_SETUP_CODE_HASH = "auth.setup_code_hash";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function countAccounts(db: AppDatabase): number {
  const row = db.$client.prepare("SELECT count(*) AS n FROM auth_users").get() as { n: number };
  return row.n;
}

export function hasAnyAccount(db: AppDatabase): boolean {
  return db.$client.prepare("SELECT 1 FROM auth_users LIMIT 1").get() !== undefined;
}

function readMeta(db: AppDatabase, key: string): string | null {
  return db.select().from(appMeta).where(eq(appMeta.key, key)).get()?.value ?? null;
}

function writeMeta(db: AppDatabase, key: string, value: string | null): void {
  if (value === null) {
    db.delete(appMeta).where(eq(appMeta.key, key)).run();
    return;
  }
  db.insert(appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value } })
    .run();
}

/** Password sign-up (for invited people) is on unless the admin switched it off. */
export function isPasswordSignUpEnabled(db: AppDatabase): boolean {
  return readMeta(db, SETTING_PASSWORD_SIGN_UP) !== "off";
}

export function setPasswordSignUp(db: AppDatabase, enabled: boolean): void {
  writeMeta(db, SETTING_PASSWORD_SIGN_UP, enabled ? null : "off");
}

/**
 * A new one-time setup code for the first account (printed by `npm start`); only its
 * hash is stored. Returns null once an account exists.
 */
export function issueSetupCode(db: AppDatabase): string | null {
  if (hasAnyAccount(db)) {
    writeMeta(db, SETTING_SETUP_CODE_HASH, null);
    return null;
  }
  const code = randomBytes(9).toString("base64url");
  writeMeta(db, SETTING_SETUP_CODE_HASH, sha256(code));
  return code;
}

export function isValidSetupCode(db: AppDatabase, code: string | null): boolean {
  if (!code) return false;
  const stored = readMeta(db, SETTING_SETUP_CODE_HASH);
  return stored !== null && stored === sha256(code.trim());
}

export type Membership = { householdId: string; role: HouseholdRole };

export function findMembership(db: AppDatabase, userId: string): Membership | null {
  const row = db
    .select({ householdId: householdMembers.householdId, role: householdMembers.role })
    .from(householdMembers)
    .where(eq(householdMembers.userId, userId))
    .get();
  return row ?? null;
}

type LiveInvitation = { id: string; householdId: string; role: HouseholdRole };

/** The invitation a token opens, if it is unused and not expired. */
export function findLiveInvitation(db: AppDatabase, token: string): LiveInvitation | null {
  const row = db
    .select({
      id: householdInvitations.id,
      householdId: householdInvitations.householdId,
      role: householdInvitations.role,
      expiresAt: householdInvitations.expiresAt,
    })
    .from(householdInvitations)
    .where(
      and(eq(householdInvitations.tokenHash, sha256(token)), isNull(householdInvitations.usedAt)),
    )
    .get();
  if (!row || row.expiresAt <= new Date().toISOString()) return null;
  return { id: row.id, householdId: row.householdId, role: row.role };
}

/**
 * Gives a just-created account its household, in one transaction: the very first account
 * takes the `local` household (all data of an existing database) as its owner; anyone
 * else needs a live invitation, which this uses up. Returns null when neither applies
 * (the caller then removes the account).
 */
export async function attachNewAccount(
  db: AppDatabase,
  userId: string,
  invitationToken: string | null,
): Promise<Membership | null> {
  return await write(db, async (tx) => {
    const anyMember = tx
      .select({ userId: householdMembers.userId })
      .from(householdMembers)
      .limit(1)
      .get();
    if (!anyMember) {
      // The `local` owner of a database from before accounts was called "Local user".
      tx.insert(owners)
        .values({ id: FIRST_HOUSEHOLD_ID, name: "Our household" })
        .onConflictDoUpdate({
          target: owners.id,
          set: { name: "Our household" },
          where: eq(owners.name, "Local user"),
        })
        .run();
      tx.insert(householdMembers)
        .values({ userId, householdId: FIRST_HOUSEHOLD_ID, role: "owner" })
        .run();
      tx.delete(appMeta).where(eq(appMeta.key, SETTING_SETUP_CODE_HASH)).run();
      return { householdId: FIRST_HOUSEHOLD_ID, role: "owner" as const };
    }
    if (!invitationToken) return null;
    const invitation = findLiveInvitation(tx as unknown as AppDatabase, invitationToken);
    if (!invitation) return null;
    // A household that filled up since the invitation was made takes nobody more (the
    // invitation stays unused for when there is room again).
    try {
      await checkMemberRoom(tx, invitation.householdId);
    } catch {
      return null;
    }
    const now = new Date().toISOString();
    const used = tx
      .update(householdInvitations)
      .set({ usedAt: now, usedBy: userId })
      .where(and(eq(householdInvitations.id, invitation.id), isNull(householdInvitations.usedAt)))
      .run();
    if (used.changes !== 1) return null;
    tx.insert(householdMembers)
      .values({ userId, householdId: invitation.householdId, role: invitation.role })
      .run();
    return { householdId: invitation.householdId, role: invitation.role };
  });
}

export function deleteAccount(db: AppDatabase, userId: string): void {
  db.delete(authUsers).where(eq(authUsers.id, userId)).run();
}

export type HouseholdView = {
  id: string;
  name: string;
  members: { userId: string; name: string; email: string; role: HouseholdRole; joinedAt: string }[];
  invitations: { id: string; role: HouseholdRole; expiresAt: string; createdAt: string }[];
  settings: { passwordSignUp: boolean };
};

export function getHousehold(db: AppDatabase, householdId: string): HouseholdView {
  const owner = db.select().from(owners).where(eq(owners.id, householdId)).get();
  if (!owner) throw notFound("This household does not exist.", "householdId");
  const members = db
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
    .orderBy(householdMembers.createdAt)
    .all();
  const now = new Date().toISOString();
  const invitations = db
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
    .all()
    .filter((invitation) => invitation.expiresAt > now);
  return {
    id: owner.id,
    name: owner.name,
    members,
    invitations,
    settings: { passwordSignUp: isPasswordSignUpEnabled(db) },
  };
}

export function renameHousehold(db: AppDatabase, householdId: string, name: string): void {
  db.update(owners).set({ name }).where(eq(owners.id, householdId)).run();
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
  db.insert(householdInvitations)
    .values({ id, householdId, tokenHash: sha256(token), role, createdBy, expiresAt })
    .run();
  return { id, token, role, expiresAt };
}

export function revokeInvitation(db: AppDatabase, householdId: string, invitationId: string): void {
  const removed = db
    .delete(householdInvitations)
    .where(
      and(
        eq(householdInvitations.id, invitationId),
        eq(householdInvitations.householdId, householdId),
      ),
    )
    .run();
  if (removed.changes === 0) throw notFound("This invitation does not exist.", "invitationId");
}

function requireMember(db: AppDatabase, householdId: string, userId: string): Membership {
  const membership = findMembership(db, userId);
  if (!membership || membership.householdId !== householdId) {
    throw notFound("This member does not exist.", "userId");
  }
  return membership;
}

function countOwners(db: AppDatabase, householdId: string): number {
  return db
    .select({ userId: householdMembers.userId })
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.role, "owner")))
    .all().length;
}

/** Changes a member's role; a household always keeps at least one owner. */
export async function setMemberRole(
  db: AppDatabase,
  householdId: string,
  userId: string,
  role: HouseholdRole,
): Promise<void> {
  await write(db, async (tx) => {
    const database = tx as unknown as AppDatabase;
    const membership = requireMember(database, householdId, userId);
    if (membership.role === "owner" && role !== "owner" && countOwners(database, householdId) < 2) {
      throw new AppError("CONFLICT", "A household needs at least one owner.", "role");
    }
    tx.update(householdMembers).set({ role }).where(eq(householdMembers.userId, userId)).run();
  });
}

/** Removes a member's account from the household (their sign-ins end with it). */
export async function removeMember(
  db: AppDatabase,
  householdId: string,
  userId: string,
): Promise<void> {
  await write(db, async (tx) => {
    const database = tx as unknown as AppDatabase;
    const membership = requireMember(database, householdId, userId);
    if (membership.role === "owner" && countOwners(database, householdId) < 2) {
      throw new AppError("CONFLICT", "A household needs at least one owner.", "userId");
    }
    tx.delete(authUsers).where(eq(authUsers.id, userId)).run();
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
  await write(db, async (tx) => {
    requireMember(tx as unknown as AppDatabase, householdId, userId);
    const now = new Date();
    const updated = tx
      .update(authAccounts)
      .set({ password: passwordHash, updatedAt: now })
      .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")))
      .run();
    if (updated.changes === 0) {
      tx.insert(authAccounts)
        .values({
          id: randomUUID(),
          accountId: userId,
          providerId: "credential",
          userId,
          password: passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    tx.delete(authSessions).where(eq(authSessions.userId, userId)).run();
  });
}

export function requirePasswordLength(password: string): void {
  if (password.length < 8)
    throw invalid("newPassword must be at least 8 characters.", "newPassword");
}
