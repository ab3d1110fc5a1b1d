/**
 * How a plan's periodic regimens (every N days, chosen weekdays) fall together in the long
 * run. Two doses taken at the same sitting are one occasion, and the intrinsic-factor route
 * saturates, so 2 × 1 µg on the same day is absorbed less well than 1 µg on alternate days
 * (docs/methodology.md, "Regimens"). Counting each periodic dose on its own would count
 * doses taken together as if taken apart, and could put the low end above the estimate.
 *
 * Regimens whose periods share no factor fall together independently in the long run, so
 * they are combined as independent (exact). Within a group whose periods do share one, the
 * pattern is read off the calendar over one whole cycle (the least common multiple of 7,
 * when a weekday regimen is present, and each N), each regimen counted on every day of its
 * rhythm as in the long run. A group's cycle longer than MAX_CYCLE_DAYS (e.g. every 86, 82
 * and 74 days together) is read over its first MAX_CYCLE_DAYS days from plan day 1; a share
 * then differs from 1/N by less than 1/MAX_CYCLE_DAYS.
 * Pure; no I/O.
 */
import {
  type AbsorptionProfile,
  absorbOccasion,
  type Occasion,
  type OccasionAbsorption,
} from "./absorption";
import { hasWeekdays, isoWeekday, type SupplementSchedule } from "./supplements";

/** A periodic regimen as the pattern needs it. */
export type PeriodicRegimen = SupplementSchedule & { id: string; doseMicrograms: number };

/** Regimens taken together on some days: who, their summed dose, the share of days. */
export type RegimenSet = {
  members: { id: string; doseMicrograms: number }[];
  doseMicrograms: number;
  /** The share (0-1) of days in the long run on which exactly these regimens are taken. */
  share: number;
};

export type RegimenPattern = {
  sets: RegimenSet[];
  /** Each regimen's share (0-1) of days taken in the same window: its doses a day. */
  shareById: Map<string, number>;
};

/** 7 × 8 × 9 × 10 = 5,040: every mix of weekly schedules and periods up to 10 days fits. */
export const MAX_CYCLE_DAYS = 5040;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** Whether a day `offset` days from a regimen's first day (negative: before it) is a dose day. */
const onRhythm = (offset: number, every: number) => ((offset % every) + every) % every === 0;

function cycleDays(regimens: readonly PeriodicRegimen[]): number {
  let cycle = 1;
  for (const regimen of regimens) {
    const period = periodOf(regimen);
    cycle = (cycle / gcd(cycle, period)) * period;
    if (cycle > MAX_CYCLE_DAYS) return MAX_CYCLE_DAYS;
  }
  return cycle;
}

/** A regimen's period in days: 7 for chosen weekdays, else N. */
function periodOf(regimen: SupplementSchedule): number {
  return hasWeekdays(regimen) ? 7 : Math.max(1, regimen.everyNDays ?? 1);
}

/**
 * Groups of regimens whose periods share a factor (linked through each other). Regimens
 * of different groups fall together independently in the long run (their periods are
 * coprime: Chinese remainder theorem), so each group's pattern is read on its own and the
 * groups are combined as independent, which is exact.
 */
function independentGroups(regimens: readonly PeriodicRegimen[]): PeriodicRegimen[][] {
  const groups: PeriodicRegimen[][] = [];
  for (const regimen of regimens) {
    const period = periodOf(regimen);
    const linked = groups.filter((group) =>
      group.some((other) => gcd(periodOf(other), period) > 1),
    );
    const merged = [...linked.flat(), regimen];
    for (const group of linked) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  return groups;
}

/** Combined sets beyond this are read off the calendar window instead (absurd inputs). */
const MAX_SETS = 1024;

/**
 * The sets of regimens taken together, and on what share of days, for regimens taken at
 * the same sitting. A weekday regimen on an undated plan is never taken (as isTakenOnDay).
 */
export function regimenPattern(
  regimens: readonly PeriodicRegimen[],
  startDate: string | null,
): RegimenPattern {
  if (regimens.length === 0) return { sets: [], shareById: new Map() };
  // Each group's sets, with the days none of it is taken as an empty set.
  let combined: RegimenSet[] = [{ members: [], doseMicrograms: 0, share: 1 }];
  const shareById = new Map<string, number>();
  for (const group of independentGroups(regimens)) {
    const pattern = readCycle(group, startDate);
    for (const [id, share] of pattern.shareById) shareById.set(id, share);
    const none = 1 - pattern.sets.reduce((sum, set) => sum + set.share, 0);
    const withNone = [...pattern.sets, { members: [], doseMicrograms: 0, share: none }];
    combined = combined.flatMap((left) =>
      withNone
        .filter((right) => right.share > 0)
        .map((right) => ({
          members: [...left.members, ...right.members],
          doseMicrograms: left.doseMicrograms + right.doseMicrograms,
          share: left.share * right.share,
        })),
    );
    if (combined.length > MAX_SETS) return readCycle(regimens, startDate);
  }
  return { sets: combined.filter((set) => set.members.length > 0), shareById };
}

/** The pattern read off the calendar over one cycle (at most MAX_CYCLE_DAYS days). */
function readCycle(regimens: readonly PeriodicRegimen[], startDate: string | null): RegimenPattern {
  const cycle = cycleDays(regimens);
  // ISO weekday of plan day 1, so day t's weekday is arithmetic (no Date per day).
  const dayOneWeekday = startDate === null ? null : isoWeekday(startDate);
  const counts = new Map<string, Omit<RegimenSet, "share"> & { days: number }>();
  const daysById = new Map(regimens.map((regimen) => [regimen.id, 0]));
  for (let day = 1; day <= cycle; day += 1) {
    const weekday = dayOneWeekday === null ? null : ((dayOneWeekday - 1 + day - 1) % 7) + 1;
    const taken = regimens.filter((regimen) =>
      hasWeekdays(regimen)
        ? weekday !== null && regimen.weekdays.includes(weekday)
        : onRhythm(day - regimen.firstDay, periodOf(regimen)),
    );
    if (taken.length === 0) continue;
    const ids = taken.map((regimen) => regimen.id);
    const key = ids.join("\u0000");
    const current = counts.get(key);
    if (current) current.days += 1;
    else {
      const doseMicrograms = taken.reduce((sum, regimen) => sum + regimen.doseMicrograms, 0);
      const members = taken.map(({ id, doseMicrograms: dose }) => ({ id, doseMicrograms: dose }));
      counts.set(key, { members, doseMicrograms, days: 1 });
    }
    for (const id of ids) daysById.set(id, (daysById.get(id) ?? 0) + 1);
  }
  const sets = [...counts.values()].map(({ members, doseMicrograms, days }) => ({
    members,
    doseMicrograms,
    share: days / cycle,
  }));
  const shareById = new Map([...daysById].map(([id, days]) => [id, days / cycle]));
  return { sets, shareById };
}

/** A regimen is "daily" when taken every day from its first day; others are periodic. */
export function isDaily(supplement: SupplementSchedule): boolean {
  return !hasWeekdays(supplement) && (supplement.everyNDays ?? 1) === 1;
}

/**
 * Doses a day of a periodic regimen, in the long run: 1/N for every N days, the share of
 * the week for chosen weekdays (none on an undated plan, where no weekday is ever taken).
 */
export function dosesPerDay(supplement: SupplementSchedule, startDate: string | null): number {
  if (hasWeekdays(supplement)) {
    return startDate === null ? 0 : new Set(supplement.weekdays).size / 7;
  }
  return 1 / (supplement.everyNDays ?? 1);
}

/** What one regimen adds at a sitting: a day's average, and per dose on the days taken. */
export type RegimenPart = { absorbedMicrograms: number; perDoseMicrograms: number };

/**
 * What a sitting's periodic regimens add to its occasion on an average day: each set taken
 * together added to the occasion, times its share of days. Each regimen's part is pro rata
 * to its dose within each set; per dose divides by its own share of days.
 */
export function periodicAdded(
  occasion: Occasion,
  base: OccasionAbsorption,
  pattern: RegimenPattern,
  absorption: AbsorptionProfile,
): { absorbedMicrograms: number; lowMicrograms: number; byRegimen: Map<string, RegimenPart> } {
  let absorbedMicrograms = 0;
  let lowMicrograms = 0;
  const byRegimen = new Map<string, RegimenPart>();
  for (const set of pattern.sets) {
    const gain = setGain(occasion, base, set, absorption);
    const added = gain.absorbed;
    absorbedMicrograms += added;
    lowMicrograms += gain.low;
    for (const member of set.members) {
      const share = pattern.shareById.get(member.id) ?? 0;
      if (!(share > 0)) continue;
      const part = (added * member.doseMicrograms) / set.doseMicrograms;
      const current = byRegimen.get(member.id) ?? { absorbedMicrograms: 0, perDoseMicrograms: 0 };
      current.absorbedMicrograms += part;
      current.perDoseMicrograms += part / share;
      byRegimen.set(member.id, current);
    }
  }
  return { absorbedMicrograms, lowMicrograms, byRegimen };
}

/** Regimens taken together at a sitting: their summed dose and the share of days. */
export type SittingSet = Pick<RegimenSet, "doseMicrograms" | "share">;

/** At most this many doses per sitting are kept for judging additions (suggestions). */
export const MAX_SITTING_SETS = 64;

/**
 * A sitting's sets as doses and shares only, for judging what an addition adds: sets of
 * the same total dose merged (exact), and beyond MAX_SITTING_SETS distinct doses (only
 * many regimens of different periods at one sitting), neighbouring doses merged into
 * MAX_SITTING_SETS groups at their share-weighted mean dose, which keeps every
 * suggestion's work bounded.
 */
export function sittingSets(sets: readonly SittingSet[]): SittingSet[] {
  const byDose = new Map<number, number>();
  for (const set of sets)
    byDose.set(set.doseMicrograms, (byDose.get(set.doseMicrograms) ?? 0) + set.share);
  const merged = [...byDose]
    .map(([doseMicrograms, share]) => ({ doseMicrograms, share }))
    .sort((a, b) => a.doseMicrograms - b.doseMicrograms);
  if (merged.length <= MAX_SITTING_SETS) return merged;
  const groups: SittingSet[] = [];
  for (let group = 0; group < MAX_SITTING_SETS; group += 1) {
    const part = merged.slice(
      Math.floor((group * merged.length) / MAX_SITTING_SETS),
      Math.floor(((group + 1) * merged.length) / MAX_SITTING_SETS),
    );
    const share = part.reduce((sum, set) => sum + set.share, 0);
    const dose = part.reduce((sum, set) => sum + set.doseMicrograms * set.share, 0) / share;
    groups.push({ doseMicrograms: dose, share });
  }
  return groups;
}

/**
 * Absorbed B12 at a sitting on an average day, periodic regimens included: the occasion
 * on its own on the days none is taken, with each set of regimens on its share of days.
 * (Suggestions use it to judge what an addition to a sitting really adds.)
 */
export function absorbAtSitting(
  occasion: Occasion,
  sets: readonly SittingSet[],
  absorption: AbsorptionProfile,
): { absorbed: number; low: number } {
  const alone = absorbOccasion(occasion, absorption);
  let absorbed = alone.absorbedMicrograms;
  let low = alone.lowMicrograms;
  for (const set of sets) {
    const gain = setGain(occasion, alone, set, absorption);
    absorbed += gain.absorbed;
    low += gain.low;
  }
  return { absorbed, low };
}

/** What a set of doses adds to an occasion (`base`: the occasion alone) × its share of days. */
function setGain(
  occasion: Occasion,
  base: OccasionAbsorption,
  set: SittingSet,
  absorption: AbsorptionProfile,
): { absorbed: number; low: number } {
  const together = absorbOccasion(
    { ...occasion, supplementMicrograms: occasion.supplementMicrograms + set.doseMicrograms },
    absorption,
  );
  return {
    absorbed: (together.absorbedMicrograms - base.absorbedMicrograms) * set.share,
    low: (together.lowMicrograms - base.lowMicrograms) * set.share,
  };
}
