import type { AppDatabase } from "../../../db/client";
import { databaseKey, dialectOf, inWrite, sqliteClient } from "../../../db/dialect";
import { rawArrays, rawGet, sqliteStatement } from "../../../db/raw";
import {
  type AbsorptionProfile,
  absorptionProfile,
  crystallineShare,
} from "../../domain/absorption";
import {
  calculatePlanTotals,
  type MealTotal,
  type PlanTotals,
  planDayDate,
  type TotalsEntryInput,
} from "../../domain/plan-totals";
import type { B12Target } from "../../domain/targets";
import type { Meal } from "../../domain/vocabulary";
import { getProfile, type Profile, profileWithTarget } from "../profile";
import { type PlanRow, requirePlan } from "./access";
import { dishTotalsEntries } from "./dishes";
import { loadSupplements, type SupplementView } from "./plan-supplements";

type MealView = Omit<MealTotal, "entries"> & {
  /** Each entry's B12; only with `includeEntries` (plans.get has the entries anyway). */
  entries?: MealTotal["entries"];
};

export type PlanTotalsView = Omit<PlanTotals, "days"> & {
  planId: string;
  days: (Omit<PlanTotals["days"][number], "meals"> & {
    date: string | null;
    meals: MealView[];
  })[];
  target: B12Target;
  profileIsDefault: boolean;
  /** What the profile's age and conditions mean for absorption, with sourced reasons. */
  absorption: AbsorptionProfile;
};

/**
 * Only what the totals need, as arrays: the hot path of every edit in the editor. The
 * entries and their foods are read apart: a plan holds few distinct foods, and joining
 * every entry to its (wide) food row cost more than reading the entries (a 28-day plan of
 * 896 entries: 3.5 → 2.2 ms for the read).
 */
const TOTALS_ENTRIES_SQL = `SELECT id, day, meal, food_id, grams FROM plan_entries
  WHERE plan_id = ? ORDER BY day, position`;
const TOTALS_FOODS_SQL = `SELECT f.id, f.name, f.b12_per_100g, f.b12_added_per_100g,
    f.b12_fortified, COALESCE(o.diet, f.diet)
  FROM foods f LEFT JOIN diet_overrides o ON o.food_id = f.id AND o.owner_id = ?
  WHERE f.id IN (SELECT food_id FROM plan_entries WHERE plan_id = ?)`;

type TotalsEntryRow = [string, number, Meal, string, number];
/** `b12_fortified` is 0/1 on SQLite, a boolean on PostgreSQL. */
type TotalsFoodRow = [string, string, number | null, number | null, number | boolean, string];

/**
 * Computed totals, remembered per database connection (SQLite) or pool (PostgreSQL) and
 * plan until the data they come from changes. Nothing is remembered inside a transaction
 * (it could still roll back).
 *
 * - SQLite: the version is `PRAGMA data_version` (changes when another connection commits)
 *   with `total_changes()` (rows this connection has changed): any write anywhere,
 *   committed or not, makes every remembered total stale.
 * - PostgreSQL, where other app instances write too: the household's `owners.data_version`
 *   (every `write()` on its behalf bumps it first, db/dialect.ts) with the food import's
 *   fingerprint (the shared foods change only by import), read from the database on every
 *   call, so another instance's commit is seen at once, with no time window.
 */
const totalsCache = new WeakMap<object, Map<string, { version: string; totals: PlanTotalsView }>>();
const TOTALS_CACHE_SIZE = 64;
const PG_VERSION_SQL = `SELECT o.data_version AS version,
    (SELECT value FROM app_meta WHERE key = 'food_import_fingerprint') AS foods
  FROM owners o WHERE o.id = ?`;

async function databaseVersion(db: AppDatabase, ownerId: string): Promise<string> {
  if (dialectOf(db) === "pg") {
    const row = await rawGet<{ version: number; foods: string | null }>(db, PG_VERSION_SQL, [
      ownerId,
    ]);
    return `${row?.version ?? "none"}:${row?.foods ?? ""}`;
  }
  const [changes] = sqliteStatement(db, "SELECT total_changes()").raw(true).get() as [number];
  const dataVersion = sqliteClient(db).pragma("data_version", { simple: true }) as number;
  return `${dataVersion}:${changes}`;
}

function insideTransaction(db: AppDatabase): boolean {
  return dialectOf(db) === "pg" ? inWrite(db) : sqliteClient(db).inTransaction;
}

/** Whose totals: a person's profile and how much of each meal they eat. */
export type TotalsPerson = {
  id: string;
  profile: Profile;
  isDefault: boolean;
  portionFactor: number;
  /**
   * Whether this person is the plan's first eater: supplements that name nobody (rows no
   * migration could assign) count for them. Every other supplement counts for the
   * person it names only.
   */
  isFirstEater: boolean;
};

/**
 * A plan's totals for one person (`options.person`), or, without one, for the household's
 * saved profile at the plan's amounts (what the shopping list and backups still use).
 */
export async function getPlanTotals(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  options: { includeEntries?: boolean; person?: TotalsPerson } = {},
): Promise<PlanTotalsView> {
  const [totals] = await getPlanTotalsFor(db, ownerId, planId, [options.person], {
    includeEntries: options.includeEntries,
  });
  if (!totals) throw new Error("getPlanTotalsFor answered no totals for one person");
  return totals;
}

/**
 * Everything of a person the totals depend on. The person is read before the version (by
 * the caller), so their profile is part of the key: totals computed from a profile that
 * changed meanwhile are remembered under that old profile, never found for the new one.
 */
function personKey(person: TotalsPerson): string {
  return JSON.stringify([
    person.id,
    person.portionFactor,
    person.isFirstEater,
    person.isDefault,
    person.profile,
  ]);
}

/**
 * A plan's totals for several people at once (a household's plan), in their order: one
 * version read, and the plan's entries, foods, supplements and dishes read once for all
 * whose totals are not remembered. The plan's data is read after the version it is
 * remembered under (a concurrent change can only make a remembered total look older than
 * it is); the people come with the key (personKey).
 */
export async function getPlanTotalsFor(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  persons: readonly (TotalsPerson | undefined)[],
  options: { includeEntries?: boolean } = {},
): Promise<PlanTotalsView[]> {
  const cacheable = !insideTransaction(db);
  const version = cacheable ? await databaseVersion(db, ownerId) : "";
  const holder = databaseKey(db);
  let inputs: Promise<TotalsInputs> | undefined;
  const results: PlanTotalsView[] = [];
  for (const person of persons) {
    const key = `${ownerId}\u0000${planId}\u0000${person ? personKey(person) : ""}`;
    let cache = totalsCache.get(holder);
    let full = cacheable ? cache?.get(key) : undefined;
    if (!full || full.version !== version) {
      inputs ??= loadTotalsInputs(db, ownerId, planId);
      full = { version, totals: await computePlanTotals(db, ownerId, await inputs, person) };
      if (cacheable) {
        if (!cache) {
          cache = new Map();
          totalsCache.set(holder, cache);
        }
        cache.delete(key);
        cache.set(key, full);
        if (cache.size > TOTALS_CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
      }
    }
    results.push(options.includeEntries ? full.totals : withoutEntries(full.totals));
  }
  return results;
}

function withoutEntries(totals: PlanTotalsView): PlanTotalsView {
  return {
    ...totals,
    days: totals.days.map((day) => ({
      ...day,
      meals: day.meals.map(({ entries: _entries, ...meal }) => meal),
    })),
  };
}

/** The regimens a person takes: their own (without a person: the household's, all). */
export function supplementsOf<T extends { personId: string | null }>(
  supplements: T[],
  person: { id: string; isFirstEater: boolean } | undefined,
): T[] {
  if (!person) return supplements;
  return supplements.filter((supplement) =>
    supplement.personId === null ? person.isFirstEater : supplement.personId === person.id,
  );
}

type TotalsFood = { foodName: string; b12PerHundredGrams: number | null; crystallineShare: number };

function plainEntries(rows: TotalsEntryRow[], foodsById: Map<string, TotalsFood>) {
  return rows.flatMap(([id, day, meal, foodId, grams]) => {
    const food = foodsById.get(foodId);
    if (!food) return [];
    const { foodName, b12PerHundredGrams } = food;
    const share = food.crystallineShare;
    return [
      { id, day, meal, foodId, grams, foodName, b12PerHundredGrams, crystallineShare: share },
    ];
  });
}

/** What every person's totals of a plan are computed from. */
type TotalsInputs = {
  plan: PlanRow;
  entries: TotalsEntryInput[];
  supplements: SupplementView[];
};

/** The plan and what its totals need, read together (round trips on PostgreSQL). */
async function loadTotalsInputs(
  db: AppDatabase,
  ownerId: string,
  planId: string,
): Promise<TotalsInputs> {
  const [plan, rows, foodRows, supplements, dishEntries] = await Promise.all([
    requirePlan(db, ownerId, planId),
    rawArrays(db, TOTALS_ENTRIES_SQL, [planId]) as Promise<TotalsEntryRow[]>,
    rawArrays(db, TOTALS_FOODS_SQL, [ownerId, planId]) as Promise<TotalsFoodRow[]>,
    loadSupplements(db, planId),
    dishTotalsEntries(db, ownerId, planId),
  ]);
  const foodsById = new Map(
    foodRows.map(([id, name, b12PerHundredGrams, added, fortified, diet]) => [
      id,
      {
        foodName: name,
        b12PerHundredGrams,
        crystallineShare: crystallineShare({
          b12PerHundredGrams,
          b12AddedPerHundredGrams: added,
          b12Fortified: Boolean(fortified),
          diet,
        }),
      },
    ]),
  );
  // Every entry's food exists (a foreign key); the guard only keeps the types honest.
  // Dishes count as their recipes' ingredients, scaled (./dishes.ts).
  return { plan, entries: [...plainEntries(rows, foodsById), ...dishEntries], supplements };
}

async function computePlanTotals(
  db: AppDatabase,
  ownerId: string,
  { plan, entries, supplements }: TotalsInputs,
  person: TotalsPerson | undefined,
): Promise<PlanTotalsView> {
  const { target, isDefault, profile } = person
    ? { ...profileWithTarget(person.profile, person.isDefault) }
    : await getProfile(db, ownerId);
  const absorption = absorptionProfile(profile);
  const totals = calculatePlanTotals({
    dayCount: plan.dayCount,
    targetMicrograms: target.micrograms,
    startDate: plan.startDate,
    absorption,
    portionFactor: person?.portionFactor ?? 1,
    supplements: supplementsOf(supplements, person).map((supplement) => ({
      ...supplement,
      injected: supplement.form === "injection",
    })),
    entries,
  });
  return {
    ...totals,
    planId: plan.id,
    days: totals.days.map((day) => ({ ...day, date: planDayDate(plan.startDate, day.day) })),
    target,
    profileIsDefault: isDefault,
    absorption,
  };
}
