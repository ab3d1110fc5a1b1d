/**
 * People: who a household plans for, each with their own profile (and so their own B12
 * target and absorption). A person may have a login (`accountId`) or not (a child, a
 * parent who does not use the app). Another household's person is answered exactly like
 * an unknown id. The signed-in account's own person is created on first use
 * (ensureOwnPerson): an owner takes over the household's migrated profile (or starts from
 * the household's saved profile); anyone else starts from the defaults.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { dialectOf, first, inWrite, one, write } from "../../db/dialect";
import { authUsers, people } from "../../db/schema";
import type { HouseholdRole } from "../domain/vocabulary";
import { invalid, notFound } from "../errors";
import {
  type CreatePersonInput,
  MAX_PEOPLE_PER_HOUSEHOLD,
  type UpdatePersonInput,
} from "../schemas/people";
import type { ProfileInput } from "../schemas/profile";
import { orderedId } from "./ordered-id";
import {
  DEFAULT_PROFILE,
  getProfile,
  type Profile,
  type ProfileWithTarget,
  profileWithTarget,
  updateProfile,
} from "./profile";

type Db = Pick<AppDatabase, "select" | "insert" | "update" | "delete">;
export type PersonRow = typeof people.$inferSelect;

export type PersonView = ProfileWithTarget & {
  id: string;
  name: string;
  /** true when the person signs in themselves (their own profile is theirs to edit too). */
  hasLogin: boolean;
  /** true for the signed-in account's own person. */
  isYou: boolean;
};

export function personProfile(row: PersonRow): Profile {
  return {
    ageYears: row.ageYears,
    sex: row.sex,
    pregnant: row.pregnant,
    breastfeeding: row.breastfeeding,
    diet: row.diet,
    standard: row.standard,
    conditions: row.conditions,
  };
}

function toView(row: PersonRow, accountId: string | null): PersonView {
  return {
    ...profileWithTarget(personProfile(row), row.isDefault),
    id: row.id,
    name: row.name,
    hasLogin: row.accountId !== null,
    isYou: accountId !== null && row.accountId === accountId,
  };
}

/** The household's person, or NOT_FOUND (also for another household's person). */
export async function requirePerson(
  db: Db,
  householdId: string,
  personId: string,
  field = "personId",
): Promise<PersonRow> {
  const row = await first(
    db
      .select()
      .from(people)
      .where(and(eq(people.id, personId), eq(people.householdId, householdId))),
  );
  if (!row) throw notFound(`No person with id ${personId} in your household.`, field);
  return row;
}

async function countPeople(db: Db, householdId: string): Promise<number> {
  return (
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(people)
          .where(eq(people.householdId, householdId)),
      )
    )?.count ?? 0
  );
}

async function checkPeopleRoom(db: Db, householdId: string): Promise<void> {
  if ((await countPeople(db, householdId)) + 1 > MAX_PEOPLE_PER_HOUSEHOLD) {
    throw invalid(
      `Your household has ${MAX_PEOPLE_PER_HOUSEHOLD} people, the most one household can keep. Remove someone first.`,
      "name",
    );
  }
}

/**
 * A new person's id: time-ordered, so people made in the same millisecond (created_at's
 * precision) still list in the order they were made on PostgreSQL, which has no rowid.
 */
const newPersonId = () => `person-${orderedId()}`;

/** The order people are listed in: oldest first, ties in the order they were inserted. */
function insertionOrder(db: Db) {
  return dialectOf(db as AppDatabase) === "sqlite" ? sql`rowid` : asc(people.id);
}

async function findOwnPerson(
  db: Db,
  householdId: string,
  accountId: string,
): Promise<PersonRow | undefined> {
  return await first(
    db
      .select()
      .from(people)
      .where(and(eq(people.householdId, householdId), eq(people.accountId, accountId))),
  );
}

/**
 * The signed-in account's own person, created if missing: an owner takes over the
 * household's migrated profile (`profile-<household>`, made by migration 0007 before any
 * account existed); anyone else starts from the defaults, named after their account.
 * Creating it is a read-then-write: outside a `write` it opens one for the household, so
 * two first requests of a new account (on any app instance) make one person, not two.
 */
export async function ensureOwnPerson(
  db: Db,
  householdId: string,
  accountId: string,
  role: HouseholdRole | null,
): Promise<PersonRow> {
  const own = await findOwnPerson(db, householdId, accountId);
  if (own) return own;
  const app = db as AppDatabase;
  if (inWrite(app)) return await createOwnPerson(app, householdId, accountId, role);
  return await write(
    app,
    householdId,
    async (tx) =>
      (await findOwnPerson(tx, householdId, accountId)) ??
      (await createOwnPerson(tx, householdId, accountId, role)),
  );
}

async function createOwnPerson(
  db: Db,
  householdId: string,
  accountId: string,
  role: HouseholdRole | null,
): Promise<PersonRow> {
  if (role === "owner") {
    const migrated = await first(
      db
        .update(people)
        .set({ accountId })
        .where(
          and(
            eq(people.id, `profile-${householdId}`),
            eq(people.householdId, householdId),
            isNull(people.accountId),
          ),
        )
        .returning(),
    );
    if (migrated) return migrated;
  }
  // An owner without one starts from the household's saved profile, if there is one.
  const saved = role === "owner" ? await getProfile(db, householdId) : null;
  const start = saved && !saved.isDefault ? saved.profile : DEFAULT_PROFILE;
  const accountName = (
    await first(
      db.select({ name: authUsers.name }).from(authUsers).where(eq(authUsers.id, accountId)),
    )
  )?.name;
  // Past the cap, an account still gets its own person: it cannot be refused a profile.
  return await one(
    db
      .insert(people)
      .values({
        id: newPersonId(),
        householdId,
        accountId,
        name: accountName?.trim().slice(0, 60) || "Me",
        ...start,
        isDefault: start === DEFAULT_PROFILE,
      })
      .returning(),
  );
}

export async function listPeople(
  db: Db,
  householdId: string,
  accountId: string,
  role: HouseholdRole | null,
): Promise<PersonView[]> {
  await ensureOwnPerson(db, householdId, accountId, role);
  return (
    await db
      .select()
      .from(people)
      .where(eq(people.householdId, householdId))
      .orderBy(asc(people.createdAt), insertionOrder(db))
  ).map((row) => toView(row, accountId));
}

export async function getPerson(
  db: Db,
  householdId: string,
  accountId: string | null,
  personId: string,
): Promise<PersonView> {
  return toView(await requirePerson(db, householdId, personId), accountId);
}

export async function createPerson(
  db: AppDatabase,
  householdId: string,
  accountId: string,
  role: HouseholdRole | null,
  input: CreatePersonInput,
): Promise<PersonView> {
  return await write(db, householdId, async (tx) => {
    // The one adding people comes first in the list: make sure they have their person.
    await ensureOwnPerson(tx, householdId, accountId, role);
    await checkPeopleRoom(tx, householdId);
    const { name, ...profile } = input;
    const row = await one(
      tx
        .insert(people)
        .values({ id: newPersonId(), householdId, name, ...profile, isDefault: false })
        .returning(),
    );
    return toView(row, accountId);
  });
}

export async function updatePerson(
  db: AppDatabase,
  householdId: string,
  accountId: string,
  input: UpdatePersonInput,
): Promise<PersonView> {
  return await write(db, householdId, async (tx) => {
    const row = await requirePerson(tx, householdId, input.personId);
    const { personId, ...changes } = input;
    const next = { ...personProfile(row), ...changes, name: changes.name ?? row.name };
    for (const field of ["pregnant", "breastfeeding"] as const) {
      if (next[field] && next.sex !== "female") {
        throw invalid(`${field} can only be true when sex is female`, field);
      }
    }
    if (changes.conditions) next.conditions = [...new Set(changes.conditions)];
    const saved = await one(
      tx
        .update(people)
        .set({ ...next, isDefault: false, updatedAt: new Date().toISOString() })
        .where(eq(people.id, personId))
        .returning(),
    );
    return toView(saved, accountId);
  });
}

export async function deletePerson(
  db: AppDatabase,
  householdId: string,
  personId: string,
): Promise<{ id: string }> {
  return await write(db, householdId, async (tx) => {
    const row = await requirePerson(tx, householdId, personId);
    if (row.accountId !== null) {
      throw invalid(
        `${row.name} signs in with their own account; their person stays while they are a member.`,
        "personId",
      );
    }
    // Their place at every plan's table goes with them (plan_eaters cascades).
    await tx.delete(people).where(eq(people.id, personId));
    return { id: personId };
  });
}

/** profile.get: the signed-in account's own person's profile and target. */
export async function getOwnProfile(
  db: Db,
  householdId: string,
  accountId: string,
  role: HouseholdRole | null,
): Promise<ProfileWithTarget> {
  const row = await ensureOwnPerson(db, householdId, accountId, role);
  return profileWithTarget(personProfile(row), row.isDefault);
}

/**
 * profile.update: saves the signed-in account's own person. An owner's profile is also
 * kept as the household's `profiles` row, which backups still carry.
 */
export async function updateOwnProfile(
  db: AppDatabase,
  householdId: string,
  accountId: string,
  role: HouseholdRole | null,
  input: ProfileInput,
): Promise<ProfileWithTarget> {
  return await write(db, householdId, async (tx) => {
    const row = await ensureOwnPerson(tx, householdId, accountId, role);
    const saved = await one(
      tx
        .update(people)
        .set({ ...input, isDefault: false, updatedAt: new Date().toISOString() })
        .where(eq(people.id, row.id))
        .returning(),
    );
    if (role === "owner") await updateProfile(tx, householdId, input);
    return profileWithTarget(personProfile(saved), false);
  });
}
