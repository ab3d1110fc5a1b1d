import { describe, expect, it } from "vitest";
import {
  B12_INTAKES,
  type B12Target,
  intakeBandFor,
  isOlderAdult,
  REFERENCE_STANDARD_INFO,
  REFERENCE_STANDARDS,
  type ReferenceStandard,
  recommendedB12Intake,
  type Sex,
  type TargetProfile,
} from "@/server/domain/targets";

/** A plain (not pregnant, not breastfeeding) profile. */
function target(
  standard: ReferenceStandard,
  ageYears: number,
  extra: Partial<TargetProfile> = {},
): B12Target {
  return recommendedB12Intake({
    ageYears,
    sex: "female",
    pregnant: false,
    breastfeeding: false,
    standard,
    ...extra,
  });
}

type Cell = { micrograms: number | null; lifeStage: string };

/**
 * Every cell of the facts table "Recommended intakes, µg/day" (b12-facts.md), written out
 * independently of the module, with the ages each row is checked at. The WHO/FAO cell
 * "1.8 (9 y) / 2.4 (10 y)" is split into two rows.
 */
const FACTS_TABLE: {
  row: string;
  ages: number[];
  nih: Cell;
  efsa: Cell;
  uk: Cell;
  who: Cell;
}[] = [
  {
    row: "0-6 months",
    ages: [0, 0.1, 0.25, 0.49, 0.499],
    nih: { micrograms: 0.4, lifeStage: "Infants 0-6 months" },
    efsa: { micrograms: null, lifeStage: "Infants 0-6 months" },
    uk: { micrograms: 0.3, lifeStage: "Infants 0-6 months" },
    who: { micrograms: 0.4, lifeStage: "Infants 0-6 months" },
  },
  {
    row: "7-12 months",
    ages: [0.5, 0.75, 0.99, 0.999],
    nih: { micrograms: 0.5, lifeStage: "Infants 7-12 months" },
    efsa: { micrograms: 1.5, lifeStage: "Infants 7-11 months" },
    uk: { micrograms: 0.4, lifeStage: "Infants 7-12 months" },
    who: { micrograms: 0.7, lifeStage: "Infants 7-12 months" },
  },
  {
    row: "1-3 years",
    ages: [1, 2, 3, 3.5, 3.99],
    nih: { micrograms: 0.9, lifeStage: "Children 1-3 years" },
    efsa: { micrograms: 1.5, lifeStage: "Children 1-3 years" },
    uk: { micrograms: 0.5, lifeStage: "Children 1-3 years" },
    who: { micrograms: 0.9, lifeStage: "Children 1-3 years" },
  },
  {
    row: "4-6 years",
    ages: [4, 5, 6, 6.99],
    nih: { micrograms: 1.2, lifeStage: "Children 4-8 years" },
    efsa: { micrograms: 1.5, lifeStage: "Children 4-6 years" },
    uk: { micrograms: 0.8, lifeStage: "Children 4-6 years" },
    who: { micrograms: 1.2, lifeStage: "Children 4-6 years" },
  },
  {
    row: "7-8 years",
    ages: [7, 8, 8.5, 8.99],
    nih: { micrograms: 1.2, lifeStage: "Children 4-8 years" },
    efsa: { micrograms: 2.5, lifeStage: "Children 7-10 years" },
    uk: { micrograms: 1.0, lifeStage: "Children 7-10 years" },
    who: { micrograms: 1.8, lifeStage: "Children 7-9 years" },
  },
  {
    row: "9 years (WHO/FAO 9 y)",
    ages: [9, 9.5, 9.99],
    nih: { micrograms: 1.8, lifeStage: "Children 9-13 years" },
    efsa: { micrograms: 2.5, lifeStage: "Children 7-10 years" },
    uk: { micrograms: 1.0, lifeStage: "Children 7-10 years" },
    who: { micrograms: 1.8, lifeStage: "Children 7-9 years" },
  },
  {
    row: "10 years (WHO/FAO 10 y)",
    ages: [10, 10.5, 10.99],
    nih: { micrograms: 1.8, lifeStage: "Children 9-13 years" },
    efsa: { micrograms: 2.5, lifeStage: "Children 7-10 years" },
    uk: { micrograms: 1.0, lifeStage: "Children 7-10 years" },
    who: { micrograms: 2.4, lifeStage: "Adolescents 10-18 years" },
  },
  {
    row: "11-13 years",
    ages: [11, 12, 13, 13.99],
    nih: { micrograms: 1.8, lifeStage: "Children 9-13 years" },
    efsa: { micrograms: 3.5, lifeStage: "Children 11-14 years" },
    uk: { micrograms: 1.2, lifeStage: "Children 11-14 years" },
    who: { micrograms: 2.4, lifeStage: "Adolescents 10-18 years" },
  },
  {
    row: "14 years",
    ages: [14, 14.5, 14.99],
    nih: { micrograms: 2.4, lifeStage: "Teenagers 14-17 years" },
    efsa: { micrograms: 3.5, lifeStage: "Children 11-14 years" },
    uk: { micrograms: 1.2, lifeStage: "Children 11-14 years" },
    who: { micrograms: 2.4, lifeStage: "Adolescents 10-18 years" },
  },
  {
    row: "15-17 years",
    ages: [15, 16, 17, 17.99],
    nih: { micrograms: 2.4, lifeStage: "Teenagers 14-17 years" },
    efsa: { micrograms: 4.0, lifeStage: "Teenagers 15-17 years" },
    uk: { micrograms: 1.5, lifeStage: "Teenagers 15-17 years" },
    who: { micrograms: 2.4, lifeStage: "Adolescents 10-18 years" },
  },
  {
    row: "18 years (WHO/FAO still 10-18 y)",
    ages: [18, 18.5, 18.99],
    nih: { micrograms: 2.4, lifeStage: "Adults 18 years and over" },
    efsa: { micrograms: 4.0, lifeStage: "Adults 18 years and over" },
    uk: { micrograms: 1.5, lifeStage: "Adults 18 years and over" },
    who: { micrograms: 2.4, lifeStage: "Adolescents 10-18 years" },
  },
  {
    row: "19 years and over",
    ages: [19, 30, 50.9, 51, 65, 90, 119.99, 120],
    nih: { micrograms: 2.4, lifeStage: "Adults 18 years and over" },
    efsa: { micrograms: 4.0, lifeStage: "Adults 18 years and over" },
    uk: { micrograms: 1.5, lifeStage: "Adults 18 years and over" },
    who: { micrograms: 2.4, lifeStage: "Adults 19 years and over" },
  },
];

const PREGNANCY: Record<ReferenceStandard, number> = { nih: 2.6, efsa: 4.5, uk: 1.5, who: 2.6 };
const BREASTFEEDING: Record<ReferenceStandard, number> = { nih: 2.8, efsa: 5.0, uk: 2.0, who: 2.8 };
const KIND_AFTER_INFANCY: Record<ReferenceStandard, string> = {
  nih: "RDA",
  efsa: "AI",
  uk: "RNI",
  who: "RNI",
};

const cellCases = FACTS_TABLE.flatMap((row) =>
  REFERENCE_STANDARDS.flatMap((standard) =>
    row.ages.map((ageYears) => ({ row: row.row, standard, ageYears, ...row[standard] })),
  ),
);

/** Every age the tests use, plus pregnancy-capable ages, for the sweeping checks. */
const ALL_AGES = [...new Set(FACTS_TABLE.flatMap((row) => row.ages))].sort((a, b) => a - b);

describe("recommendedB12Intake: every cell of the facts table", () => {
  it.each(cellCases)(
    "gives $micrograms µg/day ($lifeStage) under $standard at age $ageYears (row $row)",
    ({ standard, ageYears, micrograms, lifeStage }) => {
      const result = target(standard, ageYears);
      expect(result.micrograms).toBe(micrograms);
      expect(result.lifeStage).toBe(lifeStage);
      expect(result.standard).toBe(standard);
    },
  );

  it("checks all four standards in every row of the table", () => {
    expect(FACTS_TABLE).toHaveLength(12);
    expect(cellCases.length).toBe(
      FACTS_TABLE.reduce((sum, row) => sum + row.ages.length * REFERENCE_STANDARDS.length, 0),
    );
  });
});

describe("recommendedB12Intake: band boundaries on both sides", () => {
  const boundaries: {
    standard: ReferenceStandard;
    below: number;
    at: number;
    belowMicrograms: number | null;
    atMicrograms: number | null;
  }[] = [
    // NIH/IOM: 0-6 mo | 7-12 mo | 1-3 y | 4-8 y | 9-13 y | 14 y and over
    { standard: "nih", below: 0.49, at: 0.5, belowMicrograms: 0.4, atMicrograms: 0.5 },
    { standard: "nih", below: 0.99, at: 1, belowMicrograms: 0.5, atMicrograms: 0.9 },
    { standard: "nih", below: 3.99, at: 4, belowMicrograms: 0.9, atMicrograms: 1.2 },
    { standard: "nih", below: 6.99, at: 7, belowMicrograms: 1.2, atMicrograms: 1.2 },
    { standard: "nih", below: 8.99, at: 9, belowMicrograms: 1.2, atMicrograms: 1.8 },
    { standard: "nih", below: 9.99, at: 10, belowMicrograms: 1.8, atMicrograms: 1.8 },
    { standard: "nih", below: 13.99, at: 14, belowMicrograms: 1.8, atMicrograms: 2.4 },
    { standard: "nih", below: 14.99, at: 15, belowMicrograms: 2.4, atMicrograms: 2.4 },
    { standard: "nih", below: 17.99, at: 18, belowMicrograms: 2.4, atMicrograms: 2.4 },
    // EFSA: 0-6 mo (none) | 7-11 mo | 1-3 | 4-6 | 7-10 | 11-14 | 15-17 | 18+
    { standard: "efsa", below: 0.49, at: 0.5, belowMicrograms: null, atMicrograms: 1.5 },
    { standard: "efsa", below: 0.99, at: 1, belowMicrograms: 1.5, atMicrograms: 1.5 },
    { standard: "efsa", below: 3.99, at: 4, belowMicrograms: 1.5, atMicrograms: 1.5 },
    { standard: "efsa", below: 6.99, at: 7, belowMicrograms: 1.5, atMicrograms: 2.5 },
    { standard: "efsa", below: 8.99, at: 9, belowMicrograms: 2.5, atMicrograms: 2.5 },
    { standard: "efsa", below: 9.99, at: 10, belowMicrograms: 2.5, atMicrograms: 2.5 },
    { standard: "efsa", below: 10.99, at: 11, belowMicrograms: 2.5, atMicrograms: 3.5 },
    { standard: "efsa", below: 13.99, at: 14, belowMicrograms: 3.5, atMicrograms: 3.5 },
    { standard: "efsa", below: 14.99, at: 15, belowMicrograms: 3.5, atMicrograms: 4.0 },
    { standard: "efsa", below: 17.99, at: 18, belowMicrograms: 4.0, atMicrograms: 4.0 },
    // UK: 0-6 mo | 7-12 mo | 1-3 | 4-6 | 7-10 | 11-14 | 15 and over
    { standard: "uk", below: 0.49, at: 0.5, belowMicrograms: 0.3, atMicrograms: 0.4 },
    { standard: "uk", below: 0.99, at: 1, belowMicrograms: 0.4, atMicrograms: 0.5 },
    { standard: "uk", below: 3.99, at: 4, belowMicrograms: 0.5, atMicrograms: 0.8 },
    { standard: "uk", below: 6.99, at: 7, belowMicrograms: 0.8, atMicrograms: 1.0 },
    { standard: "uk", below: 8.99, at: 9, belowMicrograms: 1.0, atMicrograms: 1.0 },
    { standard: "uk", below: 9.99, at: 10, belowMicrograms: 1.0, atMicrograms: 1.0 },
    { standard: "uk", below: 10.99, at: 11, belowMicrograms: 1.0, atMicrograms: 1.2 },
    { standard: "uk", below: 13.99, at: 14, belowMicrograms: 1.2, atMicrograms: 1.2 },
    { standard: "uk", below: 14.99, at: 15, belowMicrograms: 1.2, atMicrograms: 1.5 },
    { standard: "uk", below: 17.99, at: 18, belowMicrograms: 1.5, atMicrograms: 1.5 },
    // WHO/FAO: 0-6 mo | 7-12 mo | 1-3 | 4-6 | 7-9 | 10-18 | 19 and over
    { standard: "who", below: 0.49, at: 0.5, belowMicrograms: 0.4, atMicrograms: 0.7 },
    { standard: "who", below: 0.99, at: 1, belowMicrograms: 0.7, atMicrograms: 0.9 },
    { standard: "who", below: 3.99, at: 4, belowMicrograms: 0.9, atMicrograms: 1.2 },
    { standard: "who", below: 6.99, at: 7, belowMicrograms: 1.2, atMicrograms: 1.8 },
    { standard: "who", below: 8.99, at: 9, belowMicrograms: 1.8, atMicrograms: 1.8 },
    { standard: "who", below: 9.99, at: 10, belowMicrograms: 1.8, atMicrograms: 2.4 },
    { standard: "who", below: 13.99, at: 14, belowMicrograms: 2.4, atMicrograms: 2.4 },
    { standard: "who", below: 14.99, at: 15, belowMicrograms: 2.4, atMicrograms: 2.4 },
    { standard: "who", below: 17.99, at: 18, belowMicrograms: 2.4, atMicrograms: 2.4 },
    { standard: "who", below: 18.99, at: 19, belowMicrograms: 2.4, atMicrograms: 2.4 },
  ];

  it.each(boundaries)(
    "gives $belowMicrograms µg at $below and $atMicrograms µg at $at under $standard",
    ({ standard, below, at, belowMicrograms, atMicrograms }) => {
      expect(target(standard, below).micrograms).toBe(belowMicrograms);
      expect(target(standard, at).micrograms).toBe(atMicrograms);
    },
  );

  it("changes life stage exactly where each standard's bands meet", () => {
    for (const standard of REFERENCE_STANDARDS) {
      for (const band of B12_INTAKES[standard].bands.slice(1)) {
        const before = target(standard, band.fromYears - 0.001).lifeStage;
        expect(target(standard, band.fromYears).lifeStage).toBe(band.lifeStage);
        expect(before).not.toBe(band.lifeStage);
      }
    }
  });

  it("treats a 9.5-year-old as 9 years (the 7-9 year band) under WHO/FAO", () => {
    expect(target("who", 9.5)).toMatchObject({ micrograms: 1.8, lifeStage: "Children 7-9 years" });
  });

  it("keeps an 18-year-old in the WHO/FAO adolescent band 10-18 years", () => {
    expect(target("who", 18).lifeStage).toBe("Adolescents 10-18 years");
    expect(target("who", 19).lifeStage).toBe("Adults 19 years and over");
  });

  it("puts a baby of exactly six months (0.5 years) in the 7-12 month band", () => {
    for (const standard of REFERENCE_STANDARDS) {
      expect(target(standard, 0.5).lifeStage).toMatch(/^Infants 7-1[12] months$/);
    }
  });
});

describe("recommendedB12Intake: the kind of value and the notes for each life stage", () => {
  it("calls the NIH/IOM infant values AIs and says so, and the rest RDAs", () => {
    for (const age of [0, 0.49, 0.5, 0.99]) {
      const result = target("nih", age);
      expect(result.kind).toBe("AI");
      expect(result.note).toBe(
        "For infants the NIH/IOM sets an Adequate Intake (AI) rather than an RDA.",
      );
    }
    for (const age of [1, 4, 9, 14, 18, 70]) {
      expect(target("nih", age)).toMatchObject({ kind: "RDA", note: null });
    }
  });

  it.each(REFERENCE_STANDARDS.filter((standard) => standard !== "nih"))(
    "uses one kind of value at every age under %s",
    (standard) => {
      const expected = { efsa: "AI", uk: "RNI", who: "RNI" }[standard as "efsa" | "uk" | "who"];
      for (const age of ALL_AGES) expect(target(standard, age).kind).toBe(expected);
    },
  );

  it("gives no EFSA value for infants up to 6 months, with a note saying so", () => {
    for (const age of [0, 0.25, 0.49]) {
      expect(target("efsa", age)).toEqual({
        micrograms: null,
        standard: "efsa",
        standardName: "EFSA Adequate Intake",
        kind: "AI",
        lifeStage: "Infants 0-6 months",
        source: "EFSA 2015",
        note: "EFSA has not set a value for infants up to 6 months.",
      });
    }
  });

  it("returns null micrograms nowhere except EFSA infants up to 6 months", () => {
    for (const standard of REFERENCE_STANDARDS) {
      for (const age of ALL_AGES) {
        const isEfsaYoungInfant = standard === "efsa" && age < 0.5;
        expect(target(standard, age).micrograms === null).toBe(isEfsaYoungInfant);
      }
    }
  });

  it("adds no note to an ordinary adult target", () => {
    for (const standard of REFERENCE_STANDARDS) expect(target(standard, 35).note).toBeNull();
  });

  it("returns a complete adult NIH/IOM target with its name, kind and citation", () => {
    expect(target("nih", 40)).toEqual({
      micrograms: 2.4,
      standard: "nih",
      standardName: "US NIH/IOM Recommended Dietary Allowance",
      kind: "RDA",
      lifeStage: "Adults 18 years and over",
      source: "IOM 1998; NIH ODS Table 1",
      note: null,
    });
  });
});

describe("recommendedB12Intake: pregnancy and breastfeeding", () => {
  it.each(REFERENCE_STANDARDS)("replaces the age value with the pregnancy value under %s", (s) => {
    for (const age of [15, 18, 25, 45]) {
      const result = target(s, age, { pregnant: true });
      expect(result.micrograms).toBe(PREGNANCY[s]);
      expect(result.lifeStage).toBe("Pregnancy");
      expect(result.kind).toBe(KIND_AFTER_INFANCY[s]);
      expect(result.standard).toBe(s);
    }
  });

  it.each(REFERENCE_STANDARDS)(
    "replaces the age value with the breastfeeding value under %s",
    (s) => {
      for (const age of [15, 18, 25, 45]) {
        const result = target(s, age, { breastfeeding: true });
        expect(result.micrograms).toBe(BREASTFEEDING[s]);
        expect(result.lifeStage).toBe("Breastfeeding");
        expect(result.kind).toBe(KIND_AFTER_INFANCY[s]);
      }
    },
  );

  it("gives the facts-table pregnancy and breastfeeding values in each standard", () => {
    expect(target("nih", 30, { pregnant: true }).micrograms).toBe(2.6);
    expect(target("efsa", 30, { pregnant: true }).micrograms).toBe(4.5);
    expect(target("uk", 30, { pregnant: true }).micrograms).toBe(1.5);
    expect(target("who", 30, { pregnant: true }).micrograms).toBe(2.6);
    expect(target("nih", 30, { breastfeeding: true }).micrograms).toBe(2.8);
    expect(target("efsa", 30, { breastfeeding: true }).micrograms).toBe(5.0);
    expect(target("uk", 30, { breastfeeding: true }).micrograms).toBe(2.0);
    expect(target("who", 30, { breastfeeding: true }).micrograms).toBe(2.8);
  });

  it("says that the UK sets no extra amount for pregnancy", () => {
    const result = target("uk", 30, { pregnant: true });
    expect(result.micrograms).toBe(target("uk", 30).micrograms);
    expect(result.note).toBe("The UK sets no extra amount for pregnancy.");
  });

  it("says that the UK adds 0.5 µg for breastfeeding", () => {
    const result = target("uk", 30, { breastfeeding: true });
    expect(result.micrograms).toBeCloseTo((target("uk", 30).micrograms ?? 0) + 0.5, 12);
    expect(result.note).toBe("The UK adds 0.5 µg/day to the adult amount for breastfeeding.");
  });

  it("adds no note for pregnancy or breastfeeding under NIH/IOM, EFSA and WHO/FAO", () => {
    for (const standard of ["nih", "efsa", "who"] as const) {
      expect(target(standard, 30, { pregnant: true }).note).toBeNull();
      expect(target(standard, 30, { breastfeeding: true }).note).toBeNull();
    }
  });

  it.each(REFERENCE_STANDARDS)(
    "uses the higher breastfeeding value when both are true under %s, and says why",
    (standard) => {
      const result = target(standard, 30, { pregnant: true, breastfeeding: true });
      expect(result.micrograms).toBe(BREASTFEEDING[standard]);
      expect(result.lifeStage).toBe("Breastfeeding");
      expect(result.note).toContain(
        "Both pregnancy and breastfeeding were given; the breastfeeding value is used",
      );
      expect(BREASTFEEDING[standard]).toBeGreaterThan(PREGNANCY[standard]);
    },
  );

  it("keeps the UK breastfeeding note alongside the both-true note", () => {
    const note = target("uk", 30, { pregnant: true, breastfeeding: true }).note ?? "";
    expect(note).toContain("Both pregnancy and breastfeeding were given");
    expect(note).toContain("The UK adds 0.5 µg/day");
  });

  it.each(REFERENCE_STANDARDS)(
    "ignores pregnant and breastfeeding for a male under %s and explains why",
    (standard) => {
      for (const flags of [
        { pregnant: true },
        { breastfeeding: true },
        { pregnant: true, breastfeeding: true },
      ]) {
        const male = target(standard, 30, { sex: "male", ...flags });
        const plain = target(standard, 30, { sex: "male" });
        expect(male.micrograms).toBe(plain.micrograms);
        expect(male.lifeStage).toBe(plain.lifeStage);
        expect(male.kind).toBe(plain.kind);
        expect(male.note).toBe(
          "Pregnancy and breastfeeding values apply only when sex is female; the value for the age is used.",
        );
      }
    },
  );

  it("keeps a male's age note (NIH/IOM infant AI) when ignoring pregnancy flags", () => {
    const note = target("nih", 0.3, { sex: "male", pregnant: true }).note ?? "";
    expect(note).toContain("apply only when sex is female");
    expect(note).toContain("Adequate Intake");
  });
});

describe("recommendedB12Intake: sex and sources", () => {
  it("gives the same target to females and males at every age in every standard", () => {
    for (const standard of REFERENCE_STANDARDS) {
      for (const ageYears of ALL_AGES) {
        const female = target(standard, ageYears, { sex: "female" });
        const male = target(standard, ageYears, { sex: "male" });
        expect(male).toEqual(female);
      }
    }
  });

  it("returns a non-empty source, life stage, kind and standard name for every target", () => {
    const sexes: Sex[] = ["female", "male"];
    const flags = [
      { pregnant: false, breastfeeding: false },
      { pregnant: true, breastfeeding: false },
      { pregnant: false, breastfeeding: true },
      { pregnant: true, breastfeeding: true },
    ];
    let checked = 0;
    for (const standard of REFERENCE_STANDARDS) {
      for (const ageYears of ALL_AGES) {
        for (const sex of sexes) {
          for (const flag of flags) {
            const result = recommendedB12Intake({ ageYears, sex, standard, ...flag });
            expect(result.source.trim()).not.toBe("");
            expect(result.lifeStage.trim()).not.toBe("");
            expect(result.kind).toMatch(/^(RDA|AI|RNI)$/);
            expect(result.standardName.trim()).not.toBe("");
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBe(REFERENCE_STANDARDS.length * ALL_AGES.length * 2 * 4);
  });

  it.each(REFERENCE_STANDARDS)(
    "takes the name and citation of %s from REFERENCE_STANDARD_INFO",
    (standard) => {
      const result = target(standard, 30);
      expect(result.standardName).toBe(REFERENCE_STANDARD_INFO[standard].name);
      expect(result.source).toBe(REFERENCE_STANDARD_INFO[standard].source);
    },
  );

  it("cites the facts file's short source names for each standard", () => {
    expect(REFERENCE_STANDARD_INFO).toEqual({
      nih: {
        name: "US NIH/IOM Recommended Dietary Allowance",
        shortName: "NIH/IOM",
        source: "IOM 1998; NIH ODS Table 1",
      },
      efsa: { name: "EFSA Adequate Intake", shortName: "EFSA", source: "EFSA 2015" },
      uk: { name: "UK Reference Nutrient Intake", shortName: "UK", source: "UK COMA 1991" },
      who: {
        name: "WHO/FAO Recommended Nutrient Intake",
        shortName: "WHO/FAO",
        source: "WHO/FAO 2004",
      },
    });
  });

  it("lists the four standards in a fixed order", () => {
    expect(REFERENCE_STANDARDS).toEqual(["nih", "efsa", "uk", "who"]);
  });
});

describe("the intake table's structure", () => {
  it.each(REFERENCE_STANDARDS)(
    "has contiguous bands for %s from birth with an open last band",
    (standard) => {
      const bands = B12_INTAKES[standard].bands;
      expect(bands[0]?.fromYears).toBe(0);
      expect(bands.at(-1)?.toYears).toBeNull();
      for (let index = 1; index < bands.length; index += 1) {
        expect(bands[index]?.fromYears).toBe(bands[index - 1]?.toYears);
      }
    },
  );

  it("finds the band for an age directly", () => {
    expect(intakeBandFor("efsa", 12)).toMatchObject({
      micrograms: 3.5,
      lifeStage: "Children 11-14 years",
    });
  });
});

describe("recommendedB12Intake: the age guard", () => {
  it.each([-0.01, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 120.01, 150])(
    "throws a RangeError for age %s",
    (ageYears) => {
      for (const standard of REFERENCE_STANDARDS) {
        expect(() => target(standard, ageYears)).toThrow(RangeError);
        expect(() => target(standard, ageYears, { pregnant: true })).toThrow(RangeError);
      }
    },
  );

  it("accepts the edges 0 and 120", () => {
    for (const standard of REFERENCE_STANDARDS) {
      expect(() => target(standard, 0)).not.toThrow();
      expect(() => target(standard, 120)).not.toThrow();
    }
  });

  it("names the field and the allowed range in the error", () => {
    expect(() => target("nih", -1)).toThrow(/ageYears must be a number from 0 to 120/);
  });
});

describe("isOlderAdult", () => {
  it("is false up to 50 and true from 51 (IOM 1998: adults over 50)", () => {
    expect(isOlderAdult(0)).toBe(false);
    expect(isOlderAdult(30)).toBe(false);
    expect(isOlderAdult(50)).toBe(false);
    expect(isOlderAdult(50.9)).toBe(false);
    expect(isOlderAdult(51)).toBe(true);
    expect(isOlderAdult(80)).toBe(true);
    expect(isOlderAdult(120)).toBe(true);
  });
});
