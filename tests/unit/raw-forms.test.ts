/**
 * Buying the raw form of a prepared food: which food, and how much. Expected figures are
 * written out from USDA SR28 (FOOD_DES, NUT_DATA energy 208 and protein 203, WEIGHT
 * yield portions) and from published household yields, never computed by the code.
 */
import { describe, expect, it } from "vitest";
import {
  chooseRawForm,
  isPreparedName,
  rawGramsPerPreparedGram,
  rawNameCandidates,
  sr28YieldFactor,
} from "@/server/domain/raw-forms";

describe("rawNameCandidates", () => {
  it.each([
    ["Broccoli, cooked, boiled, drained, without salt", "Broccoli, raw"],
    ["Spinach, cooked, boiled, drained, without salt", "Spinach, raw"],
    ["Carrots, cooked, boiled, drained, without salt", "Carrots, raw"],
    ["Beans, black, mature seeds, cooked, boiled, without salt", "Beans, black, mature seeds, raw"],
    [
      "Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked, boiled, without salt",
      "Chickpeas (garbanzo beans, bengal gram), mature seeds, raw",
    ],
    ["Rice, brown, long-grain, cooked", "Rice, brown, long-grain, raw"],
    ["Couscous, cooked", "Couscous, dry"],
    ["Barley, pearled, cooked", "Barley, pearled, raw"],
    ["Bulgur, cooked", "Bulgur, dry"],
    ["Bread, white, commercially prepared, toasted", "Bread, white, commercially prepared"],
    [
      "Bread, whole-wheat, commercially prepared, toasted",
      "Bread, whole-wheat, commercially prepared",
    ],
    ["Asparagus, frozen, cooked, boiled, drained, without salt", "Asparagus, frozen, unprepared"],
    [
      "Rice, white, long-grain, regular, enriched, cooked",
      "Rice, white, long-grain, regular, raw, enriched",
    ],
  ])("%s → includes %s", (prepared, raw) => {
    expect(isPreparedName(prepared)).toBe(true);
    expect(rawNameCandidates(prepared)).toContain(raw);
  });

  it("leaves foods that are not prepared alone (tofu is 'prepared with' a coagulant, not cooked)", () => {
    for (const name of [
      "Lentils, raw",
      "Bread, white, commercially prepared (includes soft bread crumbs)",
      "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)",
      "Soymilk, original and vanilla, with added calcium, vitamins A and D",
      "Egg, whole, raw, fresh",
    ]) {
      expect(rawNameCandidates(name), name).toEqual([]);
    }
    expect(isPreparedName("Lentils, raw")).toBe(false);
    expect(isPreparedName("Egg, whole, raw, fresh")).toBe(false);
  });
});

/**
 * SR28 yield portions of prepared foods whose raw form SR28 also holds, with both foods'
 * energy (kcal/100 g) and protein (g/100 g). yield = raw grams per prepared gram.
 */
const SR28_YIELDS = [
  // id, name, portion, grams, raw id, kcal prepared, kcal raw, protein prepared, protein raw
  [
    "08123",
    "Oats, instant, plain, prepared",
    "oz, dry, yields",
    177,
    "08122",
    68,
    362,
    2.37,
    11.92,
  ],
  ["20029", "Couscous, cooked", "oz, dry, yields", 86, "20028", 112, 376, 3.79, 12.76],
  [
    "11010",
    "Artichokes, frozen, cooked",
    "package (9 oz) yields",
    240,
    "11009",
    45,
    38,
    3.11,
    2.63,
  ],
  [
    "11019",
    "Asparagus, frozen, cooked",
    "package (10 oz) yields",
    293,
    "11018",
    18,
    24,
    2.95,
    3.23,
  ],
  [
    "11038",
    "Lima beans, fordhook, frozen, cooked",
    "package (10 oz) yields",
    311,
    "11037",
    103,
    106,
    6.07,
    6.4,
  ],
  [
    "11040",
    "Lima beans, baby, frozen, cooked",
    "package (10 oz) yields",
    311,
    "11039",
    105,
    132,
    6.65,
    7.59,
  ],
  [
    "11049",
    "Beans, pinto, immature, frozen, cooked",
    "package (10 oz) yields",
    284,
    "11048",
    162,
    170,
    9.31,
    9.8,
  ],
  [
    "11095",
    "Broccoli, frozen, spears, cooked",
    "package (10 oz) yields",
    250,
    "11094",
    28,
    29,
    3.1,
    3.06,
  ],
  [
    "11273",
    "Mustard greens, frozen, cooked",
    "package (10 oz) yields",
    212,
    "11272",
    19,
    20,
    2.27,
    2.49,
  ],
  ["11281", "Okra, frozen, cooked", "package (10 oz) yields", 255, "11280", 29, 30, 1.63, 1.69],
  [
    "11303",
    "Peas, edible-podded, frozen, cooked",
    "package (10 oz) yields",
    253,
    "11302",
    52,
    42,
    3.5,
    2.8,
  ],
  [
    "11313",
    "Peas, green, frozen, cooked",
    "package (10 oz) yields",
    253,
    "11312",
    78,
    77,
    5.15,
    5.22,
  ],
  [
    "11323",
    "Peas and carrots, frozen, cooked",
    "package (10 oz) yields",
    278,
    "11322",
    48,
    53,
    3.09,
    3.4,
  ],
  ["11464", "Spinach, frozen, cooked", "package (10 oz) yields", 220, "11463", 34, 29, 4.01, 3.63],
  [
    "11575",
    "Turnip greens, frozen, cooked",
    "package (10 oz) yields",
    220,
    "11574",
    29,
    22,
    3.35,
    2.47,
  ],
  [
    "11584",
    "Vegetables, mixed, frozen, cooked",
    "package (10 oz) yields",
    275,
    "11583",
    65,
    72,
    2.86,
    3.33,
  ],
] as const;

/** Ounces of the raw food in each yield portion (from its label), as grams. */
function rawGramsOf(portion: string): number {
  if (portion === "oz, dry, yields") return 28.349523125;
  if (portion === "package (9 oz) yields") return 9 * 28.349523125;
  return 10 * 28.349523125;
}

describe("sr28YieldFactor", () => {
  it("reads package and dry-ounce yields: 10 oz frozen asparagus yields 293 g cooked", () => {
    // 283.495 g ÷ 293 g = 0.96756.
    expect(
      sr28YieldFactor([{ amount: 1, unit: "package (10 oz) yields", grams: 293 }]),
    ).toBeCloseTo(0.96756, 4);
    // Couscous: 1 oz dry yields 86 g cooked: 28.3495 ÷ 86 = 0.32965.
    expect(sr28YieldFactor([{ amount: 1, unit: "oz, dry, yields", grams: 86 }])).toBeCloseTo(
      0.32965,
      4,
    );
  });

  it("ignores portions that are not a yield by weight", () => {
    expect(sr28YieldFactor([{ amount: 1, unit: "cup", grams: 157 }])).toBeNull();
    expect(sr28YieldFactor([{ amount: 1, unit: "cup, dry, yields", grams: 528 }])).toBeNull();
    expect(
      sr28YieldFactor([{ amount: 0.333, unit: "package (10 oz) yields", grams: 94 }]),
    ).toBeNull();
  });
});

describe("energy ratio against published cooking yields", () => {
  it("is within 30% of each of SR28's 16 recorded yields, 12.3% off on average", () => {
    const energyErrors: number[] = [];
    const proteinErrors: number[] = [];
    for (const [
      id,
      ,
      portion,
      grams,
      ,
      kcalPrepared,
      kcalRaw,
      proteinPrepared,
      proteinRaw,
    ] of SR28_YIELDS) {
      const published = rawGramsOf(portion) / grams;
      const factor = rawGramsPerPreparedGram(
        { energyKcalPerHundredGrams: kcalPrepared },
        { energyKcalPerHundredGrams: kcalRaw },
      );
      expect(factor, id).not.toBeNull();
      const energyError = Math.abs((factor ?? 0) / published - 1);
      expect(energyError, id).toBeLessThan(0.3);
      energyErrors.push(energyError);
      proteinErrors.push(Math.abs(proteinPrepared / proteinRaw / published - 1));
    }
    const mean = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    // The measurement recorded in docs/methodology.md: energy 12.3%, protein 11.9%.
    expect(mean(energyErrors)).toBeCloseTo(0.123, 3);
    expect(mean(proteinErrors)).toBeCloseTo(0.119, 3);
  });

  /**
   * Household yields as published: USA Rice Federation, "1 cup uncooked rice yields 3
   * cups cooked"; US Dry Bean Council, "1 pound dry beans = 6 cups cooked"; lentil
   * packages, "1 cup dry lentils makes 2½-3 cups cooked" (midpoint 2.75). Cup weights from
   * SR28 WEIGHT.txt: raw rice 185 g, cooked 158 g; cooked black beans 172 g, kidney 177 g,
   * pinto 171 g; raw lentils 192 g, cooked 198 g.
   */
  it.each([
    ["white rice", 185 / (3 * 158), 130, 365],
    ["black beans", 453.59237 / (6 * 172), 132, 341],
    ["kidney beans", 453.59237 / (6 * 177), 127, 333],
    ["pinto beans", 453.59237 / (6 * 171), 143, 347],
    ["lentils", 192 / (2.75 * 198), 116, 352],
  ])("%s: within 15% of the household yield", (_name, published, kcalCooked, kcalRaw) => {
    const factor = rawGramsPerPreparedGram(
      { energyKcalPerHundredGrams: kcalCooked },
      { energyKcalPerHundredGrams: kcalRaw },
    );
    expect(Math.abs((factor ?? 0) / published - 1)).toBeLessThan(0.15);
  });

  it("gives a dozen common conversions from SR28 energy, written out", () => {
    const cases: [string, number, number, number][] = [
      // name, kcal cooked, kcal raw, raw grams per 100 g cooked
      ["lentils (16070 → 16069)", 116, 352, 32.95],
      ["rolled oats (08121 → 08120)", 71, 379, 18.73],
      ["white rice (20045 → 20044)", 130, 365, 35.62],
      ["brown rice (20037 → 20036)", 123, 367, 33.51],
      ["pasta (20121 → 20120)", 158, 371, 42.59],
      ["quinoa (20137 → 20035)", 120, 368, 32.61],
      ["chickpeas (16057 → 16056)", 164, 378, 43.39],
      ["black beans (16015 → 16014)", 132, 341, 38.71],
      ["toast → bread (18070 → 18069)", 290, 266, 109.02],
      ["boiled potatoes (11367 → 11352)", 86, 77, 111.69],
      ["hard-boiled egg (01129 → 01123)", 155, 143, 108.39],
      ["spinach (11458 → 11457)", 23, 23, 100],
      ["couscous (20029 → 20028)", 112, 376, 29.79],
    ];
    for (const [name, cooked, raw, expected] of cases) {
      const factor = rawGramsPerPreparedGram(
        { energyKcalPerHundredGrams: cooked },
        { energyKcalPerHundredGrams: raw },
      );
      expect((factor ?? 0) * 100, name).toBeCloseTo(expected, 1);
    }
  });

  it("refuses unknown or zero energy and ratios that are no cooking yield", () => {
    const e = (kcal: number | null) => ({ energyKcalPerHundredGrams: kcal });
    expect(rawGramsPerPreparedGram(e(null), e(352))).toBeNull();
    expect(rawGramsPerPreparedGram(e(116), e(0))).toBeNull();
    expect(rawGramsPerPreparedGram(e(10), e(400))).toBeNull(); // 0.025 < 0.1
    expect(rawGramsPerPreparedGram(e(500), e(100))).toBeNull(); // 5 > 2
    expect(rawGramsPerPreparedGram(e(40), e(400))).toBe(0.1);
  });
});

describe("chooseRawForm", () => {
  const food = (id: string, name: string, kcal: number | null) => ({
    id,
    name,
    energyKcalPerHundredGrams: kcal,
  });

  it("uses the SR28 pair for cooked lentils, whose names do not line up", () => {
    const raw = food("sr28-16069", "Lentils, raw", 352);
    const chosen = chooseRawForm(
      food("sr28-16070", "Lentils, mature seeds, cooked, boiled, without salt", 116),
      [raw],
    );
    expect(chosen?.food.id).toBe("sr28-16069");
    expect(chosen?.method).toBe("energy-ratio");
    expect(chosen?.factor).toBeCloseTo(116 / 352, 10);
  });

  it("finds the raw form by name and prefers an SR28 yield when there is one", () => {
    const couscous = food("sr28-20029", "Couscous, cooked", 112);
    const dry = food("sr28-20028", "Couscous, dry", 376);
    expect(chooseRawForm(couscous, [dry])?.factor).toBeCloseTo(112 / 376, 10);
    const withYield = chooseRawForm(couscous, [dry], 28.349523125 / 86);
    expect(withYield?.method).toBe("sr28-yield");
    expect(withYield?.factor).toBeCloseTo(0.32965, 4);
  });

  it("keeps the prepared food when no raw form exists or the energies do not fit", () => {
    const soup = food("sr28-06001", "Soup, bean with pork, prepared with equal volume water", 70);
    expect(chooseRawForm(soup, [])).toBeNull();
    const cooked = food("sr28-11091", "Broccoli, cooked, boiled, drained, without salt", 35);
    expect(chooseRawForm(cooked, [food("sr28-11090", "Broccoli, raw", null)])).toBeNull();
  });
});
