/**
 * Who eats a plan, and how much of each meal (`plan_eaters`). A plan nobody was set for
 * (one made before people existed, or copied/imported) is eaten by the signed-in
 * account's own person at the plan's amounts.
 */
import { asc, eq } from "drizzle-orm";
import type { AppDatabase } from "../../../db/client";
import { write } from "../../../db/dialect";
import { people, planEaters } from "../../../db/schema";
import type { HouseholdRole } from "../../domain/vocabulary";
import type { SetEatersInput } from "../../schemas/people";
import type { CreatePlanInput } from "../../schemas/plans";
import { ensureOwnPerson, type PersonRow, requirePerson } from "../people";
import { type Db, requirePlan, touchPlan } from "./access";
import { createPlan } from "./crud";

export type Eater = { person: PersonRow; portionFactor: number };
export type EaterView = { personId: string; name: string; portionFactor: number };

/** The session an eater list is read for: its own person is the fallback eater. */
export type Viewer = { accountId: string; role: HouseholdRole | null };

/** The plan's eaters as stored (none for a plan nobody was set for). */
export async function storedEaters(db: Db, planId: string): Promise<Eater[]> {
  return await db
    .select({ person: people, portionFactor: planEaters.portionFactor })
    .from(planEaters)
    .innerJoin(people, eq(people.id, planEaters.personId))
    .where(eq(planEaters.planId, planId))
    .orderBy(asc(planEaters.position), asc(people.createdAt));
}

export async function loadEaters(
  db: Db,
  ownerId: string,
  planId: string,
  viewer: Viewer,
): Promise<Eater[]> {
  const rows = await storedEaters(db, planId);
  if (rows.length > 0) return rows;
  return [
    { person: await ensureOwnPerson(db, ownerId, viewer.accountId, viewer.role), portionFactor: 1 },
  ];
}

export function eaterViews(eaters: Eater[]): EaterView[] {
  return eaters.map(({ person, portionFactor }) => ({
    personId: person.id,
    name: person.name,
    portionFactor,
  }));
}

export async function getEaters(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  viewer: Viewer,
): Promise<EaterView[]> {
  await requirePlan(db, ownerId, planId);
  return eaterViews(await loadEaters(db, ownerId, planId, viewer));
}

/** plans.setEaters: replaces the plan's eaters (all checked first; a failure changes nothing). */
export async function setEaters(
  db: AppDatabase,
  ownerId: string,
  input: SetEatersInput,
  viewer: Viewer,
): Promise<EaterView[]> {
  return await write(db, ownerId, async (tx) => {
    await requirePlan(tx, ownerId, input.planId);
    for (const [index, eater] of input.eaters.entries()) {
      await requirePerson(tx, ownerId, eater.personId, `eaters.${index}.personId`);
    }
    await tx.delete(planEaters).where(eq(planEaters.planId, input.planId));
    await tx.insert(planEaters).values(
      input.eaters.map((eater, position) => ({
        planId: input.planId,
        personId: eater.personId,
        portionFactor: eater.portionFactor,
        position,
      })),
    );
    await touchPlan(tx, input.planId);
    return eaterViews(await loadEaters(tx, ownerId, input.planId, viewer));
  });
}

/** plans.create: a new plan is eaten by whoever made it, at the plan's amounts. */
export async function createPlanEatenBy(
  db: AppDatabase,
  ownerId: string,
  input: CreatePlanInput,
  viewer: Viewer,
): Promise<{ id: string }> {
  return await write(db, ownerId, async (tx) => {
    const created = await createPlan(tx, ownerId, input);
    const person = await ensureOwnPerson(tx, ownerId, viewer.accountId, viewer.role);
    await tx
      .insert(planEaters)
      .values({ planId: created.id, personId: person.id, portionFactor: 1, position: 0 });
    return created;
  });
}
