/**
 * plans.totals for a household: the plan's totals for one person (the signed-in
 * account's own, or `personId`) plus a short line per person who eats the plan. Every
 * person's figures come from the same pure domain totals (server/domain/plan-totals.ts),
 * called once per person with their target, absorption profile and portion factor.
 */
import type { AppDatabase } from "../../../db/client";
import type { B12Status } from "../../domain/b12-status";
import type { B12Target } from "../../domain/targets";
import { ensureOwnPerson, type PersonRow, personProfile, requirePerson } from "../people";
import { requirePlan } from "./access";
import { type Eater, loadEaters, type Viewer } from "./eaters";
import { getPlanTotals, getPlanTotalsFor, type PlanTotalsView, type TotalsPerson } from "./totals";

export type PersonTotals = {
  personId: string;
  name: string;
  portionFactor: number;
  status: B12Status;
  statusReason: string | null;
  target: B12Target;
  profileIsDefault: boolean;
  averageB12Micrograms: number;
  averageAbsorbedB12Micrograms: number;
  averagePercentOfTarget: number | null;
  averageComplete: boolean;
};

export type HouseholdPlanTotalsView = PlanTotalsView & {
  /** Whose totals the fields above are, and at which portion factor. */
  personId: string;
  personName: string;
  portionFactor: number;
  /** Everyone who eats the plan, in the plan's order. */
  people: PersonTotals[];
};

/** A plan's supplements count for the person they belong to only. */
function totalsPerson(person: PersonRow, portionFactor: number, eaters: Eater[]): TotalsPerson {
  return {
    id: person.id,
    profile: personProfile(person),
    isDefault: person.isDefault,
    portionFactor,
    isFirstEater: eaters[0]?.person.id === person.id,
  };
}

/** The person whose totals are wanted, at the factor they eat the plan with (1 if they don't). */
export async function selectPerson(
  db: AppDatabase,
  ownerId: string,
  eaters: Eater[],
  viewer: Viewer,
  personId: string | undefined,
): Promise<Eater> {
  const person = personId
    ? await requirePerson(db, ownerId, personId)
    : await ensureOwnPerson(db, ownerId, viewer.accountId, viewer.role);
  const eating = eaters.find((eater) => eater.person.id === person.id);
  return { person, portionFactor: eating?.portionFactor ?? 1 };
}

export async function getHouseholdPlanTotals(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  viewer: Viewer,
  options: { personId?: string; includeEntries?: boolean } = {},
): Promise<HouseholdPlanTotalsView> {
  await requirePlan(db, ownerId, planId);
  const eaters = await loadEaters(db, ownerId, planId, viewer);
  const selected = await selectPerson(db, ownerId, eaters, viewer, options.personId);
  // The selected person first, then every other eater: one version read and one read of
  // the plan's data for all of them (the selected person's line reuses their totals).
  const isSelected = (eater: Eater) =>
    eater.person.id === selected.person.id && eater.portionFactor === selected.portionFactor;
  const others = eaters.filter((eater) => !isSelected(eater));
  const [totals, ...otherTotals] = await getPlanTotalsFor(
    db,
    ownerId,
    planId,
    [selected, ...others].map(({ person, portionFactor }) =>
      totalsPerson(person, portionFactor, eaters),
    ),
    { includeEntries: options.includeEntries },
  );
  if (!totals) throw new Error("getPlanTotalsFor answered no totals for the selected person");
  const people: PersonTotals[] = [];
  for (const eater of eaters) {
    const { person, portionFactor } = eater;
    const own = isSelected(eater) ? totals : otherTotals[others.indexOf(eater)];
    if (!own) throw new Error(`no totals computed for eater ${person.id}`);
    people.push({
      personId: person.id,
      name: person.name,
      portionFactor,
      status: own.status,
      statusReason: own.statusReason,
      target: own.target,
      profileIsDefault: own.profileIsDefault,
      averageB12Micrograms: own.averageB12Micrograms,
      averageAbsorbedB12Micrograms: own.averageAbsorbedB12Micrograms,
      averagePercentOfTarget: own.averagePercentOfTarget,
      averageComplete: own.averageComplete,
    });
  }
  return {
    ...totals,
    personId: selected.person.id,
    personName: selected.person.name,
    portionFactor: selected.portionFactor,
    people,
  };
}

/** The selected person's totals and profile, for suggestions. */
export async function personTotals(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  viewer: Viewer,
  personId: string | undefined,
): Promise<{ totals: PlanTotalsView; person: PersonRow }> {
  await requirePlan(db, ownerId, planId);
  const eaters = await loadEaters(db, ownerId, planId, viewer);
  const selected = await selectPerson(db, ownerId, eaters, viewer, personId);
  return {
    totals: await getPlanTotals(db, ownerId, planId, {
      person: totalsPerson(selected.person, selected.portionFactor, eaters),
    }),
    person: selected.person,
  };
}

/**
 * An edit's answer with the signed-in account's own person's totals (as `plans.totals`
 * without `personId` gives them), so the editor shows them after one round trip.
 */
export async function withOwnTotals<T extends { plan: { id: string } }>(
  db: AppDatabase,
  ownerId: string,
  viewer: Viewer,
  result: T,
): Promise<T & { totals: HouseholdPlanTotalsView }> {
  return { ...result, totals: await getHouseholdPlanTotals(db, ownerId, result.plan.id, viewer) };
}
