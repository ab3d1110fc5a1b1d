/**
 * How much B12 the body can take up: a small, documented model (docs/methodology.md,
 * "Absorption model"). Pure functions; every figure cites its source in
 * ../shared/reference/b12-facts.md.
 *
 * Per eating occasion (a meal slot of a day, or supplements taken apart from meals), a
 * dose of D µg is absorbed by two routes:
 *   intrinsic-factor route  IF_CAPACITY × D / (HALF_SATURATION + D)   (saturates)
 *   passive diffusion        PASSIVE_FRACTION × D
 * - IF_CAPACITY 1.5 µg: the IF route saturates at about 1.5-2.5 µg per meal (IOM 1998,
 *   citing Scott 1997); NIH ODS: absorption drops sharply past 1-2 µg. We take the low end.
 * - PASSIVE_FRACTION 1%: about 1% of a dose is absorbed by mass action, even without IF
 *   (Berlin et al. 1968; Doscherholmen and Hagen 1957; via IOM 1998).
 * - HALF_SATURATION is not a free guess: it is set so a 1 µg dose gives 0.5 µg, the
 *   50% that Adams et al. 1971 (via IOM 1998) measured.
 * - Occasions are independent: a dose 4-6 hours after another is absorbed as well as
 *   the first (Heyssel et al. 1966, via IOM 1998).
 *
 * Fit to the published single-dose points (tests/unit/absorption.test.ts checks each):
 * 1 µg → 0.50 (published ~0.5; NIH ODS 56%), 5 µg → 1.11 (~1.0), 25 µg → 1.64 (1.3-1.5),
 * 500 µg → 6.5 = 1.3% (NIH ODS ~10 µg = 2%), 1,000 µg → 11.5 = 1.15% (0.5-1.3%).
 * Tolerance: within 15% of the figure or inside the published range up to 25 µg; from
 * 500 µg on, the absorbed fraction inside the 0.5-2% span the sources give.
 *
 * Conditions (IOM 1998; NIH ODS):
 * - No intrinsic factor (pernicious anaemia; some gastric surgery): only the passive 1%.
 * - Aged 51 or over, or taking acid reducers: most people still release food-bound B12
 *   normally, so the main estimate is the normal one. 10-30% of people over 50 release it
 *   poorly (IOM 1998), and NIH ODS finds the evidence for proton-pump inhibitors
 *   conflicting and none that H2 blockers cause deficiency: so the poor-release case is
 *   the *low end of a range* (`lowMicrograms`: only crystalline B12, from supplements
 *   and the added B12 of fortified foods, which is absorbed normally), never the headline.
 * - Metformin lowers B12 status (NIH ODS): flagged as a risk, the numbers are unchanged.
 *
 * The absorbed target: what this model absorbs from the recommended intake eaten in three
 * equal meals (`absorbedTargetFor`). So eating exactly the recommendation, spread over
 * breakfast, lunch and dinner, meets it by construction, under every standard. For the
 * adult 2.4 µg it is 1.28 µg (53%), close to the 50% the IOM assumed (IOM 1998, ch. 9).
 */

import { isOlderAdult } from "./targets";
import type { Condition } from "./vocabulary";

/** µg per occasion the intrinsic-factor route tends to (IOM 1998, low end of 1.5-2.5). */
export const IF_CAPACITY_MICROGRAMS = 1.5;
/** Share of any dose absorbed passively (Berlin et al. 1968, via IOM 1998). */
export const PASSIVE_FRACTION = 0.01;
/** Dose (µg) absorbed at 50% (Adams et al. 1971, via IOM 1998). */
export const REFERENCE_DOSE_MICROGRAMS = 1;
export const REFERENCE_DOSE_ABSORBED = 0.5;
/** Dose at which the IF route runs at half capacity; derived from the reference dose. */
export const HALF_SATURATION_MICROGRAMS =
  (IF_CAPACITY_MICROGRAMS * REFERENCE_DOSE_MICROGRAMS) /
    (REFERENCE_DOSE_ABSORBED - PASSIVE_FRACTION * REFERENCE_DOSE_MICROGRAMS) -
  REFERENCE_DOSE_MICROGRAMS;
/** The absorbed target assumes the recommended intake eaten in this many equal meals. */
export const TARGET_MEALS = 3;

export type RiskFlag = {
  id: "no-intrinsic-factor" | "gastric-surgery" | "older-adult" | "acid-reducers" | "metformin";
  message: string;
  source: string;
};

export type AbsorptionProfile = {
  /** false with pernicious anaemia or gastric surgery: only passive absorption remains. */
  intrinsicFactor: boolean;
  /**
   * "uncertain" at 51+ or with acid reducers: food-bound B12 is usually released normally
   * (the main estimate) but may be released poorly (the low end of the range).
   */
  foodBoundRelease: "normal" | "uncertain";
  /** Why the low end exists, in one sentence for people; null when release is normal. */
  lowEndReason: string | null;
  risks: RiskFlag[];
};

export const NORMAL_ABSORPTION: AbsorptionProfile = {
  intrinsicFactor: true,
  foodBoundRelease: "normal",
  lowEndReason: null,
  risks: [],
};

/** What a person's age and conditions mean for absorption, with the reasons. */
export function absorptionProfile(person: {
  ageYears: number;
  conditions: readonly Condition[];
}): AbsorptionProfile {
  const risks: RiskFlag[] = [];
  const has = (condition: Condition) => person.conditions.includes(condition);
  if (has("no-intrinsic-factor")) {
    risks.push({
      id: "no-intrinsic-factor",
      message:
        "Without intrinsic factor only about 1% of B12 is absorbed, from food and supplements alike.",
      source: "IOM 1998; NIH ODS",
    });
  }
  if (has("gastric-surgery")) {
    risks.push({
      id: "gastric-surgery",
      message:
        "Some stomach surgery removes the cells that make intrinsic factor; the estimate assumes yours did, so only about 1% is counted. Your clinician can tell you whether that applies.",
      source: "IOM 1998; NIH ODS",
    });
  }
  const olderAdult = isOlderAdult(person.ageYears);
  if (olderAdult) {
    risks.push({
      id: "older-adult",
      message:
        "From 51, 10-30% of people release the B12 naturally in food poorly; the added B12 of fortified foods and supplements is absorbed normally. The estimate assumes normal release and shows the poor-release case as the low end.",
      source: "IOM 1998",
    });
  }
  if (has("acid-reducers")) {
    risks.push({
      id: "acid-reducers",
      message:
        "Acid reducers may lower the release of B12 from food. The evidence for proton-pump inhibitors is conflicting, and none shows that H2 blockers cause deficiency, even after long use. The estimate assumes normal release and shows poor release as the low end.",
      source: "NIH ODS",
    });
  }
  if (has("metformin")) {
    risks.push({
      id: "metformin",
      message:
        "Metformin can lower B12 status. Ask your doctor whether your B12 should be checked.",
      source: "NIH ODS",
    });
  }
  const lowEndReason = olderAdult
    ? "if your stomach releases the B12 in food poorly, as it does for 10-30% of people over 50"
    : has("acid-reducers")
      ? "if your acid reducer lowers the release of the B12 in food"
      : null;
  return {
    intrinsicFactor: !has("no-intrinsic-factor") && !has("gastric-surgery"),
    foodBoundRelease: lowEndReason === null ? "normal" : "uncertain",
    lowEndReason,
    risks,
  };
}

/** µg absorbed from one dose of free (crystalline or released) B12 in one occasion. */
export function absorbedFromDose(doseMicrograms: number, intrinsicFactor = true): number {
  if (!(doseMicrograms > 0) || !Number.isFinite(doseMicrograms)) return 0;
  const passive = PASSIVE_FRACTION * doseMicrograms;
  if (!intrinsicFactor) return passive;
  return (
    (IF_CAPACITY_MICROGRAMS * doseMicrograms) / (HALF_SATURATION_MICROGRAMS + doseMicrograms) +
    passive
  );
}

/** The B12 of one eating occasion, split by how it is bound. */
export type Occasion = {
  /** B12 naturally in food (must be released by stomach acid first). */
  foodBoundMicrograms: number;
  /** Crystalline B12: the added B12 of fortified foods. */
  fortifiedMicrograms: number;
  /** Crystalline B12 from supplements. */
  supplementMicrograms: number;
};

export type OccasionAbsorption = {
  /** The estimate, with food-bound B12 released normally. */
  absorbedMicrograms: number;
  /** The low end: only crystalline B12 when release is uncertain (= absorbed otherwise). */
  lowMicrograms: number;
  /** The part of `absorbedMicrograms` that comes from supplements (shared pro rata). */
  fromSupplementsMicrograms: number;
};

function proRata(absorbed: number, part: number, whole: number): number {
  return whole > 0 ? (absorbed * part) / whole : 0;
}

/** Absorbed B12 from one eating occasion for a person's absorption profile. */
export function absorbOccasion(
  occasion: Occasion,
  profile: AbsorptionProfile = NORMAL_ABSORPTION,
): OccasionAbsorption {
  const crystalline = occasion.fortifiedMicrograms + occasion.supplementMicrograms;
  const all = crystalline + occasion.foodBoundMicrograms;
  const absorbed = absorbedFromDose(all, profile.intrinsicFactor);
  const low =
    profile.foodBoundRelease === "uncertain"
      ? absorbedFromDose(crystalline, profile.intrinsicFactor)
      : absorbed;
  return {
    absorbedMicrograms: absorbed,
    lowMicrograms: low,
    fromSupplementsMicrograms: proRata(absorbed, occasion.supplementMicrograms, all),
  };
}

/**
 * The absorbed B12 a recommended intake stands for: what this model absorbs from it eaten
 * in three equal meals (each its own occasion, Heyssel et al. 1966 via IOM 1998), so the
 * recommendation itself always meets it. Adult 2.4 µg → 1.28 µg; EFSA 4 µg → 1.81 µg.
 */
export function absorbedTargetFor(recommendedMicrograms: number | null): number | null {
  if (recommendedMicrograms === null) return null;
  return TARGET_MEALS * absorbedFromDose(recommendedMicrograms / TARGET_MEALS);
}

/**
 * The share (0-1) of a food's B12 that is crystalline (added by fortification): the SR28
 * "added B12" value when there is one; all of it for a fortified vegan food, since plant
 * foods hold no B12 unless fortified (IOM 1998); otherwise none.
 */
export function crystallineShare(food: {
  b12PerHundredGrams: number | null;
  b12AddedPerHundredGrams: number | null;
  b12Fortified: boolean;
  diet: string;
}): number {
  const total = food.b12PerHundredGrams;
  if (total === null || !(total > 0)) return 0;
  if (food.b12AddedPerHundredGrams !== null && food.b12AddedPerHundredGrams >= 0) {
    return Math.min(1, food.b12AddedPerHundredGrams / total);
  }
  return food.b12Fortified && food.diet === "vegan" ? 1 : 0;
}
