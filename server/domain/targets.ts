/**
 * Recommended daily vitamin B12 intake ("target") under four reference standards, for
 * every life stage from birth, with the source of each figure.
 *
 * Pure: no database, no framework. Every figure comes from the project's facts file
 * (shared reference "b12-facts.md", section "Recommended intakes, µg/day") and is cited
 * next to where it is defined. docs/methodology.md lists the same table for readers.
 *
 * Ages are in years, fractional for infants. A band "from A to B years" covers
 * A ≤ age < B + 1 (so "4-8 years" covers 4 ≤ age < 9); the infant bands split at half a
 * year: "0-6 months" is age < 0.5, "7-12 months" is 0.5 ≤ age < 1.
 */

export const REFERENCE_STANDARDS = ["nih", "efsa", "uk", "who"] as const;
export type ReferenceStandard = (typeof REFERENCE_STANDARDS)[number];
export type Sex = "female" | "male";

export type TargetProfile = {
  ageYears: number;
  sex: Sex;
  pregnant: boolean;
  breastfeeding: boolean;
  standard: ReferenceStandard;
};

export type B12Target = {
  /** µg/day; null only where the standard sets no value (EFSA, infants 0-6 months). */
  micrograms: number | null;
  standard: ReferenceStandard;
  /** e.g. "US NIH/IOM Recommended Dietary Allowance" */
  standardName: string;
  /** what kind of value it is: "RDA", "AI" or "RNI", as the standard names it. */
  kind: string;
  /** life stage as the standard's table names it, e.g. "Children 4-8 years", "Pregnancy". */
  lifeStage: string;
  /** short citation, e.g. "IOM 1998; NIH ODS Table 1" */
  source: string;
  /** plain-English note when something needs saying, else null. */
  note: string | null;
};

/** For the profile page: display names and citations of the standards. */
export const REFERENCE_STANDARD_INFO: Record<
  ReferenceStandard,
  { name: string; shortName: string; source: string }
> = {
  nih: {
    name: "US NIH/IOM Recommended Dietary Allowance",
    shortName: "NIH/IOM",
    source: "IOM 1998; NIH ODS Table 1",
  },
  efsa: {
    name: "EFSA Adequate Intake",
    shortName: "EFSA",
    source: "EFSA 2015",
  },
  uk: {
    name: "UK Reference Nutrient Intake",
    shortName: "UK",
    source: "UK COMA 1991",
  },
  who: {
    name: "WHO/FAO Recommended Nutrient Intake",
    shortName: "WHO/FAO",
    source: "WHO/FAO 2004",
  },
};

/** One age band of a standard: covers fromYears ≤ age < toYears (toYears null: no end). */
export type IntakeBand = {
  fromYears: number;
  toYears: number | null;
  /** µg/day; null where the standard sets no value. */
  micrograms: number | null;
  kind: string;
  lifeStage: string;
  /** plain-English note shown with this band, else null. */
  note: string | null;
};

export type StandardIntakes = {
  /** Age bands in ascending order, contiguous, starting at 0 and ending open. */
  bands: readonly IntakeBand[];
  pregnancy: { micrograms: number; kind: string; note: string | null };
  breastfeeding: { micrograms: number; kind: string; note: string | null };
};

const INFANT_AI_NOTE = "For infants the NIH/IOM sets an Adequate Intake (AI) rather than an RDA.";
const EFSA_NO_INFANT_VALUE_NOTE = "EFSA has not set a value for infants up to 6 months.";
const UK_PREGNANCY_NOTE = "The UK sets no extra amount for pregnancy.";
const UK_BREASTFEEDING_NOTE = "The UK adds 0.5 µg/day to the adult amount for breastfeeding.";
const BOTH_NOTE =
  "Both pregnancy and breastfeeding were given; the breastfeeding value is used because it is the higher of the two.";
const MALE_NOTE =
  "Pregnancy and breastfeeding values apply only when sex is female; the value for the age is used.";

function band(
  fromYears: number,
  toYears: number | null,
  micrograms: number | null,
  kind: string,
  lifeStage: string,
  note: string | null = null,
): IntakeBand {
  return { fromYears, toYears, micrograms, kind, lifeStage, note };
}

/**
 * The recommended intakes, µg/day, as implemented. Each figure is cited on its line.
 * Only ages are used to choose a band; sex changes no value in any of these tables.
 */
export const B12_INTAKES: Record<ReferenceStandard, StandardIntakes> = {
  nih: {
    // Infants have an Adequate Intake (AI); from 1 year the value is an RDA.
    bands: [
      band(0, 0.5, 0.4, "AI", "Infants 0-6 months", INFANT_AI_NOTE), // IOM 1998; NIH ODS
      band(0.5, 1, 0.5, "AI", "Infants 7-12 months", INFANT_AI_NOTE), // IOM 1998; NIH ODS
      band(1, 4, 0.9, "RDA", "Children 1-3 years"), // IOM 1998; NIH ODS
      band(4, 9, 1.2, "RDA", "Children 4-8 years"), // IOM 1998; NIH ODS
      band(9, 14, 1.8, "RDA", "Children 9-13 years"), // IOM 1998; NIH ODS
      band(14, 18, 2.4, "RDA", "Teenagers 14-17 years"), // IOM 1998; NIH ODS
      band(18, null, 2.4, "RDA", "Adults 18 years and over"), // IOM 1998; NIH ODS
    ],
    pregnancy: { micrograms: 2.6, kind: "RDA", note: null }, // IOM 1998; NIH ODS
    breastfeeding: { micrograms: 2.8, kind: "RDA", note: null }, // IOM 1998; NIH ODS
  },
  efsa: {
    bands: [
      band(0, 0.5, null, "AI", "Infants 0-6 months", EFSA_NO_INFANT_VALUE_NOTE), // EFSA 2015: not set
      band(0.5, 1, 1.5, "AI", "Infants 7-11 months"), // EFSA 2015
      band(1, 4, 1.5, "AI", "Children 1-3 years"), // EFSA 2015
      band(4, 7, 1.5, "AI", "Children 4-6 years"), // EFSA 2015
      band(7, 11, 2.5, "AI", "Children 7-10 years"), // EFSA 2015
      band(11, 15, 3.5, "AI", "Children 11-14 years"), // EFSA 2015
      band(15, 18, 4.0, "AI", "Teenagers 15-17 years"), // EFSA 2015
      band(18, null, 4.0, "AI", "Adults 18 years and over"), // EFSA 2015
    ],
    pregnancy: { micrograms: 4.5, kind: "AI", note: null }, // EFSA 2015
    breastfeeding: { micrograms: 5.0, kind: "AI", note: null }, // EFSA 2015
  },
  uk: {
    bands: [
      band(0, 0.5, 0.3, "RNI", "Infants 0-6 months"), // UK COMA 1991
      band(0.5, 1, 0.4, "RNI", "Infants 7-12 months"), // UK COMA 1991
      band(1, 4, 0.5, "RNI", "Children 1-3 years"), // UK COMA 1991
      band(4, 7, 0.8, "RNI", "Children 4-6 years"), // UK COMA 1991
      band(7, 11, 1.0, "RNI", "Children 7-10 years"), // UK COMA 1991
      band(11, 15, 1.2, "RNI", "Children 11-14 years"), // UK COMA 1991
      band(15, 18, 1.5, "RNI", "Teenagers 15-17 years"), // UK COMA 1991
      band(18, null, 1.5, "RNI", "Adults 18 years and over"), // UK COMA 1991
    ],
    // UK COMA 1991: 1.5, no increment over the adult value.
    pregnancy: { micrograms: 1.5, kind: "RNI", note: UK_PREGNANCY_NOTE }, // UK COMA 1991
    // UK COMA 1991: 2.0, the adult 1.5 plus 0.5.
    breastfeeding: { micrograms: 2.0, kind: "RNI", note: UK_BREASTFEEDING_NOTE }, // UK COMA 1991
  },
  who: {
    bands: [
      band(0, 0.5, 0.4, "RNI", "Infants 0-6 months"), // WHO/FAO 2004
      band(0.5, 1, 0.7, "RNI", "Infants 7-12 months"), // WHO/FAO 2004
      band(1, 4, 0.9, "RNI", "Children 1-3 years"), // WHO/FAO 2004
      band(4, 7, 1.2, "RNI", "Children 4-6 years"), // WHO/FAO 2004
      band(7, 10, 1.8, "RNI", "Children 7-9 years"), // WHO/FAO 2004
      // The band is 10-18 years, so an 18-year-old is still in it; adults follow at 19.
      band(10, 19, 2.4, "RNI", "Adolescents 10-18 years"), // WHO/FAO 2004
      band(19, null, 2.4, "RNI", "Adults 19 years and over"), // WHO/FAO 2004
    ],
    pregnancy: { micrograms: 2.6, kind: "RNI", note: null }, // WHO/FAO 2004
    breastfeeding: { micrograms: 2.8, kind: "RNI", note: null }, // WHO/FAO 2004
  },
};

/** The highest age the guard accepts, in years (the API's validation uses the same bound). */
export const MAX_AGE_YEARS = 120;

/** Throws a RangeError unless ageYears is a finite number from 0 to MAX_AGE_YEARS. */
function assertValidAge(ageYears: number): void {
  if (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > MAX_AGE_YEARS) {
    throw new RangeError(`ageYears must be a number from 0 to ${MAX_AGE_YEARS}; got ${ageYears}`);
  }
}

/** The standard's age band holding ageYears (validated first). */
export function intakeBandFor(standard: ReferenceStandard, ageYears: number): IntakeBand {
  assertValidAge(ageYears);
  const bands = B12_INTAKES[standard].bands;
  const found = bands.find(
    (candidate) =>
      ageYears >= candidate.fromYears &&
      (candidate.toYears === null || ageYears < candidate.toYears),
  );
  if (found === undefined) {
    // Unreachable: the bands start at 0 and the last one has no end.
    throw new RangeError(`no ${standard} band for age ${ageYears}`);
  }
  return found;
}

function joinNotes(...notes: (string | null)[]): string | null {
  const present = notes.filter((note): note is string => note !== null && note !== "");
  return present.length === 0 ? null : present.join(" ");
}

/**
 * The recommended daily B12 intake for a profile under its chosen standard.
 *
 * - Age picks the standard's band; sex changes nothing in any table.
 * - Pregnancy and breastfeeding apply only when sex is "female" and replace the age-based
 *   value with the standard's pregnancy or breastfeeding value. When both are true the
 *   breastfeeding value is used (it is the higher one in every standard) and a note says so.
 * - Throws a RangeError for an age that is negative, NaN, infinite or over 120.
 */
export function recommendedB12Intake(profile: TargetProfile): B12Target {
  const { ageYears, sex, pregnant, breastfeeding, standard } = profile;
  const ageBand = intakeBandFor(standard, ageYears);
  const info = REFERENCE_STANDARD_INFO[standard];
  const intakes = B12_INTAKES[standard];
  const common = { standard, standardName: info.name, source: info.source };

  if (sex === "female" && breastfeeding) {
    return {
      ...common,
      micrograms: intakes.breastfeeding.micrograms,
      kind: intakes.breastfeeding.kind,
      lifeStage: "Breastfeeding",
      note: joinNotes(pregnant ? BOTH_NOTE : null, intakes.breastfeeding.note),
    };
  }
  if (sex === "female" && pregnant) {
    return {
      ...common,
      micrograms: intakes.pregnancy.micrograms,
      kind: intakes.pregnancy.kind,
      lifeStage: "Pregnancy",
      note: intakes.pregnancy.note,
    };
  }

  return {
    ...common,
    micrograms: ageBand.micrograms,
    kind: ageBand.kind,
    lifeStage: ageBand.lifeStage,
    note: joinNotes(
      sex !== "female" && (pregnant || breastfeeding) ? MALE_NOTE : null,
      ageBand.note,
    ),
  };
}

/**
 * IOM 1998 advises adults over 50 to meet most of the RDA with fortified foods or
 * supplements (10-30% of older people absorb food-bound B12 poorly). True from age 51.
 */
export function isOlderAdult(ageYears: number): boolean {
  return ageYears >= 51;
}
