import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ClassifiableFood,
  type ClassificationOverride,
  classifyFood,
  describeMismatch,
  type HandCheckedFood,
  measureClassificationAccuracy,
  parseClassificationOverrides,
  parseHandCheckedFoods,
} from "../../db/import/classify-diet";
import { parseSr28Dataset, readSr28Files, type Sr28Dataset } from "../../db/import/sr28-format";

const REPOSITORY = path.resolve(import.meta.dirname, "../..");
const OVERRIDES_PATH = path.join(REPOSITORY, "db/data/classification-overrides.csv");
const HAND_CHECKED_PATH = path.join(REPOSITORY, "tests/fixtures/hand-checked-foods.csv");

function food(
  name: string,
  groupCode: string | null,
  b12: number | null = null,
  b12Added: number | null = null,
  ndbNumber: string | null = null,
): ClassifiableFood {
  return { ndbNumber, groupCode, name, b12PerHundredGrams: b12, b12AddedPerHundredGrams: b12Added };
}

const classify = (
  name: string,
  groupCode: string | null,
  b12: number | null = null,
  b12Added: number | null = null,
) => classifyFood(food(name, groupCode, b12, b12Added));

describe("fortification", () => {
  it("a soy drink with B12 is flagged fortified, even without a nutrient 578 figure", () => {
    const result = classify("SILK Plain, soymilk", "1600", 1.23, null);
    expect(result.diet).toBe("vegan");
    expect(result.b12Fortified).toBe(true);
    expect(result.fortifiedReason).toMatch(/plant-based drink/);
  });

  it("soymilk without B12 is vegan and not fortified", () => {
    const result = classify("Soymilk, original and vanilla, unfortified", "1600", 0, 0);
    expect(result).toMatchObject({ diet: "vegan", b12Fortified: false, fortifiedReason: null });
  });

  it("a soymilk named unfortified is never flagged fortified, whatever B12 figure it has", () => {
    const result = classify("Soymilk, chocolate, unfortified", "1600", 0.7, 0);
    expect(result).toMatchObject({ diet: "vegan", b12Fortified: false });
  });

  it("added B12 (nutrient 578) always means fortified, also for milk-based foods", () => {
    const formula = classify(
      "Infant formula, ABBOTT NUTRITION, SIMILAC, with iron, powder, not reconstituted",
      "0300",
      1.32,
      1.32,
    );
    expect(formula).toMatchObject({ diet: "vegetarian", b12Fortified: true });
    expect(formula.fortifiedReason).toMatch(/nutrient 578/);
  });

  it("tempeh's trace B12 does not make it fortified", () => {
    const result = classify("Tempeh", "1600", 0.08, null);
    expect(result).toMatchObject({ diet: "vegan", b12Fortified: false, fortifiedReason: null });
  });

  it("miso and seaweed carry natural B12 traces: vegan, not fortified, not evidence of animal food", () => {
    expect(classify("Miso", "1600", 0.08, 0)).toMatchObject({ diet: "vegan", b12Fortified: false });
    const seaweed = classify("Seaweed, Canadian Cultivated EMI-TSUNOMATA, dry", "1100", 2.25, null);
    expect(seaweed).toMatchObject({ diet: "vegan", b12Fortified: false });
    expect(classify("Mushrooms, white, raw", "1100", 0.04, 0)).toMatchObject({
      diet: "vegan",
      b12Fortified: false,
    });
  });

  it("unknown B12 never makes a food fortified", () => {
    expect(classify("Beverages, Energy drink, RED BULL", "1400", null, null).b12Fortified).toBe(
      false,
    );
    expect(classify("SILK Vanilla, soymilk", "1600", null, null).b12Fortified).toBe(false);
    expect(
      classify("Cereals ready-to-eat, GENERAL MILLS, CHEERIOS", "0800", null, null).b12Fortified,
    ).toBe(false);
  });

  it("unknown B12 is not read as evidence of animal ingredients either", () => {
    expect(classify("Snacks, potato chips, plain, salted", "2500", null, null).diet).toBe("vegan");
  });

  it("a breakfast cereal with several µg of B12 is fortified even when 578 is missing", () => {
    const result = classify("Cereals ready-to-eat, MALT-O-MEAL, Crispy Rice", "0800", 4.55, null);
    expect(result).toMatchObject({ diet: "vegan", b12Fortified: true });
    expect(result.fortifiedReason).toMatch(/breakfast cereal/);
  });

  it("a cereal's small B12 without 578 points to milk, not to fortification", () => {
    const result = classify("Cereals ready-to-eat, ALPEN", "0800", 0.12, 0);
    expect(result).toMatchObject({ diet: "vegetarian", b12Fortified: false });
    expect(result.dietReason).toMatch(/B12/);
  });

  it("energy drinks and fortified meat analogues with B12 are flagged fortified", () => {
    expect(classify("Beverages, POWERADE, Zero, Mixed Berry", "1400", 0.25, 0).b12Fortified).toBe(
      true,
    );
    const franks = classify("Frankfurter, meatless", "1600", 2.35, 2.35);
    expect(franks).toMatchObject({ diet: "vegetarian", b12Fortified: true });
  });

  it("B12 that milk or egg explains is not fortification", () => {
    expect(classify("Cheese, cheddar", "0100", 1.1, 0).b12Fortified).toBe(false);
    const cheese = classify(
      "Cheese, pasteurized process, American, fortified with vitamin D",
      "0100",
      1.5,
      0,
    );
    expect(cheese.b12Fortified).toBe(false);
  });

  it("a meat food is never flagged fortified without a 578 figure", () => {
    expect(classify("Beef, grass-fed, ground, raw", "1300", 1.97, null).b12Fortified).toBe(false);
  });
});

describe("diet rules", () => {
  it("the six flesh groups are omnivore as a whole", () => {
    const result = classify("Game meat, antelope, raw", "1700", null, null);
    expect(result).toMatchObject({ diet: "omnivore", dietReason: "name mentions meat" });
    expect(classify("Emu, inside drum, raw", "0500").diet).toBe("omnivore");
    expect(classify("Mollusks, whelk, unspecified, raw", "1500").diet).toBe("omnivore");
  });

  it("the dairy and egg group is vegetarian, and the reason names the evidence", () => {
    expect(classify("Cheese, cheddar", "0100", 1.1, 0)).toMatchObject({
      diet: "vegetarian",
      dietReason: "name mentions cheese",
    });
    expect(classify("Cream substitute, powdered", "0100", 0, 0).diet).toBe("vegetarian");
  });

  it("peanut butter, cocoa butter, butternut squash and butter beans are plant foods", () => {
    expect(classify("Peanut butter, smooth style, with salt", "1600", 0, 0).diet).toBe("vegan");
    expect(classify("Oil, cocoa butter", "0400", 0, 0).diet).toBe("vegan");
    expect(classify("Squash, winter, butternut, raw", "1100", 0, 0).diet).toBe("vegan");
    expect(classify("Seeds, sesame butter, tahini", "1200", 0, 0).diet).toBe("vegan");
  });

  it("eggplant is no egg, and a duck egg is an egg, not duck", () => {
    expect(classify("Eggplant, raw", "1100", 0, 0).diet).toBe("vegan");
    expect(classify("Egg, duck, whole, fresh, raw", "0100", 5.4, 0)).toMatchObject({
      diet: "vegetarian",
      dietReason: "name mentions egg",
    });
    expect(classify("Cheese, goat, hard type", "0100", 0.12, 0).dietReason).toBe(
      "name mentions cheese",
    );
  });

  it("cream of tartar, Cream of Wheat, cream soda and cream-style corn hold no cream", () => {
    expect(classify("Leavening agents, cream of tartar", "1800", 0, 0).diet).toBe("vegan");
    expect(
      classify("Cereals, CREAM OF WHEAT, regular, 10 minute cooking, dry", "0800", 0, 0).diet,
    ).toBe("vegan");
    expect(classify("Carbonated beverage, cream soda", "1400", 0, 0).diet).toBe("vegan");
    expect(
      classify("Corn, sweet, yellow, canned, cream style, regular pack", "1100", 0, 0).diet,
    ).toBe("vegan");
  });

  it("soymilk, almond milk and coconut milk are not dairy; a mix for milk is not milk", () => {
    expect(classify("Beverages, almond milk, unsweetened, shelf stable", "1400", 0, 0).diet).toBe(
      "vegan",
    );
    expect(
      classify(
        "Nuts, coconut milk, canned (liquid expressed from grated meat and water)",
        "1200",
        null,
        null,
      ).diet,
    ).toBe("vegan");
    expect(
      classify(
        "Beverages, chocolate-flavor beverage mix for milk, powder, with added nutrients",
        "1400",
        0,
        0,
      ).diet,
    ).toBe("vegan");
    expect(
      classify(
        "Beverages, chocolate-flavor beverage mix, powder, prepared with whole milk",
        "1400",
        0.4,
        null,
      ).diet,
    ).toBe("vegetarian");
  });

  it("imitation crab is fish", () => {
    const result = classify(
      "Crustaceans, crab, alaska king, imitation, made from surimi",
      "1500",
      0.57,
      0,
    );
    expect(result.diet).toBe("omnivore");
  });

  it("worcestershire sauce, caesar dressing, fish sauce and oyster sauce are omnivore", () => {
    expect(classify("Sauce, worcestershire", "0600", 0, 0)).toMatchObject({
      diet: "omnivore",
      dietReason: "worcestershire sauce contains anchovies",
    });
    expect(classify("Salad dressing, caesar dressing, regular", "0400", 0.03, 0).diet).toBe(
      "omnivore",
    );
    expect(classify("Sauce, fish, ready-to-serve", "0600", 0.48, 0).diet).toBe("omnivore");
    expect(classify("Sauce, oyster, ready-to-serve", "0600", 0.41, 0).diet).toBe("omnivore");
    expect(classify('LITTLE CAESARS 14" Cheese Pizza, Thin Crust', "2100", 0.71, null).diet).toBe(
      "vegetarian",
    );
  });

  it("gelatin desserts, marshmallows and frosted Pop-Tarts are omnivore; marshmallow creme is vegetarian", () => {
    expect(classify("Gelatin desserts, dry mix", "1900", 0, 0)).toMatchObject({
      diet: "omnivore",
      dietReason: "contains gelatin",
    });
    expect(classify("Candies, marshmallows", "1900", 0, 0).diet).toBe("omnivore");
    expect(
      classify("Cereals ready-to-eat, GENERAL MILLS, LUCKY CHARMS", "0800", 6.8, 6.8).diet,
    ).toBe("omnivore");
    expect(
      classify(
        "Toaster Pastries, KELLOGG, KELLOGG'S POP TARTS, Frosted strawberry",
        "1800",
        0,
        null,
      ).diet,
    ).toBe("omnivore");
    expect(classify("Toppings, marshmallow cream", "1900", 0, 0).diet).toBe("vegetarian");
  });

  it("refried beans with lard are omnivore; vegetarian and fat-free refried beans are vegan", () => {
    expect(
      classify("Refried beans, canned, traditional style (includes USDA commodity)", "1600", 0, 0)
        .diet,
    ).toBe("omnivore");
    expect(classify("Refried beans, canned, vegetarian", "1600", null, null).diet).toBe("vegan");
    expect(classify("Refried beans, canned, fat-free", "1600", 0, 0).diet).toBe("vegan");
  });

  it("baked beans with pork or franks are omnivore; plain or vegetarian baked beans are vegan", () => {
    expect(classify("Beans, baked, canned, with pork and tomato sauce", "1600", 0, 0).diet).toBe(
      "omnivore",
    );
    expect(classify("Beans, baked, canned, with franks", "1600", 0.34, 0).diet).toBe("omnivore");
    expect(classify("Beans, baked, canned, plain or vegetarian", "1600", 0, 0).diet).toBe("vegan");
  });

  it("honey cereals are vegetarian but still fortified", () => {
    const result = classify(
      "Cereals ready-to-eat, GENERAL MILLS, HONEY NUT CHEERIOS",
      "0800",
      7.5,
      7.5,
    );
    expect(result).toMatchObject({
      diet: "vegetarian",
      dietReason: "name mentions honey",
      b12Fortified: true,
    });
    expect(classify("Melons, honeydew, raw", "0900", 0, 0).diet).toBe("vegan");
  });

  it("meat analogues are vegetarian unless the name says vegan", () => {
    const grillers = classify(
      "MORNINGSTAR FARMS Grillers Original, frozen, unprepared",
      "1600",
      4.5,
      null,
    );
    expect(grillers).toMatchObject({ diet: "vegetarian", b12Fortified: true });
    expect(grillers.dietReason).toMatch(/meat analogue/);
    expect(
      classify("MORNINGSTAR FARMS Grillers Vegan, frozen, unprepared", "1600", null, null).diet,
    ).toBe("vegan");
    expect(classify("Sausage, meatless", "1600", 0, 0).diet).toBe("vegetarian");
    expect(classify("Vegetarian fillets", "1600", 4.2, 4.2).diet).toBe("vegetarian");
  });

  it("textured soy products need no egg or milk: meatless bacon bits and meat extender are vegan", () => {
    expect(classify("Bacon bits, meatless", "1600", 1.2, 1.2)).toMatchObject({
      diet: "vegan",
      b12Fortified: true,
    });
    expect(classify("Meat extender", "1600", 6, null)).toMatchObject({
      diet: "vegan",
      b12Fortified: true,
    });
  });

  it("'vegetarian' in a soup name rules out meat without making it a meat analogue", () => {
    expect(classify("Soup, vegetarian vegetable, canned, condensed", "0600", 0, 0).diet).toBe(
      "vegan",
    );
  });

  it("non-dairy creamers count as vegetarian: they are made with sodium caseinate", () => {
    expect(
      classify("Beverages, coffee, instant, with whitener, reduced calorie", "1400", 0, 0).diet,
    ).toBe("vegetarian");
    expect(
      classify(
        "Cream substitute, liquid, with lauric acid oil and sodium caseinate",
        "0100",
        0,
        null,
      ).diet,
    ).toBe("vegetarian");
  });

  it("hamburger buns, steak sauce, duck sauce and poultry seasoning contain no meat", () => {
    expect(classify("Rolls, hamburger or hotdog, mixed-grain", "1800", 0.01, 0).diet).not.toBe(
      "omnivore",
    );
    expect(classify("Sauce, steak, tomato based", "0600", 0, 0).diet).toBe("vegan");
    expect(classify("Sauce, duck, ready-to-serve", "0600", 0, 0).diet).toBe("vegan");
    expect(classify("Spices, poultry seasoning", "0200", 0, 0).diet).toBe("vegan");
    expect(classify("Nuts, coconut meat, raw", "1200", 0, 0).diet).toBe("vegan");
  });

  it("'without meat' is not meat, but a restaurant dish is still not assumed vegan", () => {
    const rice = classify("Restaurant, Chinese, fried rice, without meat", "3600", 0, 0);
    expect(rice.diet).toBe("vegetarian");
  });

  it("mixed groups default to vegetarian unless every word is a plant word", () => {
    const cookies = classify("Cookies, gingersnaps", "1800", 0, 0);
    expect(cookies.diet).toBe("vegetarian");
    expect(cookies.dietReason).toMatch(/^Baked Products group/);
    expect(classify("Bread, rye", "1800", 0, 0)).toMatchObject({
      diet: "vegan",
      dietReason: "name lists only plant ingredients",
    });
    expect(classify("Soup, tomato, canned, condensed", "0600", 0, 0).diet).toBe("vegan");
  });

  it("B12 in a mixed-group food with no sign of fortification makes it not vegan", () => {
    const result = classify("Snacks, tortilla chips, plain, white corn, salted", "2500", 0.36, 0);
    expect(result.diet).toBe("vegetarian");
    expect(result.dietReason).toMatch(/reports B12 \(0\.36 µg\/100 g\)/);
    expect(result.b12Fortified).toBe(false);
  });

  it("soy infant formula is vegan, milk-based formula vegetarian, and both are fortified", () => {
    expect(
      classify(
        "Infant formula, ABBOTT NUTRITION, SIMILAC, ISOMIL, with iron, powder, not reconstituted",
        "0300",
        2.31,
        2.31,
      ),
    ).toMatchObject({ diet: "vegan", b12Fortified: true });
    expect(
      classify(
        "Infant formula, MEAD JOHNSON, ENFAMIL, NUTRAMIGEN, with iron, powder, not reconstituted",
        "0300",
        1.49,
        1.49,
      ),
    ).toMatchObject({ diet: "vegetarian", b12Fortified: true });
  });

  it("nutrition drinks are made with milk protein and vitamin-fortified", () => {
    const result = classify(
      "Beverages, Meal supplement drink, canned, peanut flavor",
      "1400",
      0.53,
      null,
    );
    expect(result).toMatchObject({ diet: "vegetarian", b12Fortified: true });
  });

  it("baby foods: plain fruit is vegan, meat dinners are omnivore, creamed vegetables vegetarian", () => {
    expect(classify("Babyfood, fruit, applesauce, strained", "0300", 0, 0).diet).toBe("vegan");
    expect(classify("Babyfood, dinner, vegetables and lamb, junior", "0300", 0.16, 0).diet).toBe(
      "omnivore",
    );
    expect(classify("Babyfood, vegetables, spinach, creamed, strained", "0300", 0.06, 0).diet).toBe(
      "vegetarian",
    );
  });

  it("a food with no known group is not assumed vegan", () => {
    expect(classify("Lentil and rice bowl", null, null, null).diet).toBe("vegetarian");
  });
});

describe("overrides", () => {
  const overrides: ReadonlyMap<string, ClassificationOverride> = new Map([
    ["19056", { ndbNumber: "19056", diet: "vegan", b12Fortified: null, note: "plain corn chips" }],
    ["16273", { ndbNumber: "16273", diet: null, b12Fortified: false, note: "checked the label" }],
  ]);

  it("an override wins for the diet and says so in the reason; fortification stays with the rules", () => {
    const chips = food(
      "Snacks, tortilla chips, plain, white corn, salted",
      "2500",
      0.36,
      0,
      "19056",
    );
    expect(classifyFood(chips).diet).toBe("vegetarian");
    const result = classifyFood(chips, overrides);
    expect(result).toMatchObject({
      diet: "vegan",
      dietReason: "hand-checked override: plain corn chips",
      b12Fortified: false,
    });
  });

  it("an override of the fortified flag alone keeps the rules' diet and clears the fortified reason", () => {
    const tofu = food(
      "Vitasoy USA Organic Nasoya, Tofu Plus Extra Firm",
      "1600",
      1.45,
      null,
      "16273",
    );
    expect(classifyFood(tofu).b12Fortified).toBe(true);
    const result = classifyFood(tofu, overrides);
    expect(result).toMatchObject({ diet: "vegan", b12Fortified: false, fortifiedReason: null });
    expect(result.dietReason).not.toMatch(/override/);
  });

  it("a food without an NDB number, or with an NDB number not listed, is left to the rules", () => {
    const withoutNumber = food(
      "Snacks, tortilla chips, plain, white corn, salted",
      "2500",
      0.36,
      0,
      null,
    );
    expect(classifyFood(withoutNumber, overrides).diet).toBe("vegetarian");
    const other = food(
      "Snacks, tortilla chips, plain, white corn, salted",
      "2500",
      0.36,
      0,
      "99999",
    );
    expect(classifyFood(other, overrides).diet).toBe("vegetarian");
  });
});

describe("parseClassificationOverrides", () => {
  const header = "ndb_number,diet,b12_fortified,note";

  it("reads a good file: quoted notes with commas, empty fields, CRLF, a BOM and blank lines", () => {
    const csv =
      `\uFEFF${header}\r\n` +
      `19172,omnivore,,"contains gelatin, from pork or beef skin"\r\n` +
      "\r\n" +
      `16273,,false,"label says ""no B12"""\r\n` +
      `22123,Vegan,true,labelled vegan\r\n`;
    const overrides = parseClassificationOverrides(csv);
    expect([...overrides.keys()]).toEqual(["19172", "16273", "22123"]);
    expect(overrides.get("19172")).toEqual({
      ndbNumber: "19172",
      diet: "omnivore",
      b12Fortified: null,
      note: "contains gelatin, from pork or beef skin",
    });
    expect(overrides.get("16273")).toMatchObject({
      diet: null,
      b12Fortified: false,
      note: 'label says "no B12"',
    });
    expect(overrides.get("22123")).toMatchObject({ diet: "vegan", b12Fortified: true });
  });

  it("reads a file with only the header as no overrides", () => {
    expect(parseClassificationOverrides(`${header}\n`).size).toBe(0);
  });

  it("rejects an unknown diet word, naming the line", () => {
    const csv = `${header}\n19172,omnivore,,gelatin\n22123,vegtarian,,typo\n`;
    expect(() => parseClassificationOverrides(csv)).toThrowError(
      /line 3: unknown diet "vegtarian"/,
    );
  });

  it("rejects a bad NDB number, naming the line", () => {
    expect(() => parseClassificationOverrides(`${header}\n1917,omnivore,,gelatin\n`)).toThrowError(
      /line 2: bad NDB number "1917"/,
    );
    expect(() => parseClassificationOverrides(`${header}\nabcde,omnivore,,gelatin\n`)).toThrowError(
      /line 2/,
    );
  });

  it("rejects the wrong column count, naming the line", () => {
    expect(() => parseClassificationOverrides(`${header}\n19172,omnivore,gelatin\n`)).toThrowError(
      /line 2: expected 4 columns, found 3/,
    );
    expect(() =>
      parseClassificationOverrides(`${header}\n19172,omnivore,,gelatin, pork\n`),
    ).toThrowError(/line 2: expected 4 columns, found 5/);
  });

  it("rejects a bad fortified value, a missing note, an empty override and a repeated number", () => {
    expect(() =>
      parseClassificationOverrides(`${header}\n19172,omnivore,yes,gelatin\n`),
    ).toThrowError(/line 2: bad b12_fortified "yes"/);
    expect(() => parseClassificationOverrides(`${header}\n19172,omnivore,,\n`)).toThrowError(
      /line 2: missing note/,
    );
    expect(() => parseClassificationOverrides(`${header}\n19172,,,nothing\n`)).toThrowError(
      /line 2: overrides nothing/,
    );
    expect(() =>
      parseClassificationOverrides(`${header}\n19172,omnivore,,a\n\n19172,omnivore,,b\n`),
    ).toThrowError(/line 4: NDB number 19172 is listed twice/);
  });

  it("rejects a wrong header and an unterminated quote", () => {
    expect(() => parseClassificationOverrides("ndb,diet,fortified,note\n")).toThrowError(
      /line 1: expected header/,
    );
    expect(() =>
      parseClassificationOverrides(`${header}\n19172,omnivore,,"gelatin\n`),
    ).toThrowError(/line 2: unterminated quote/);
  });
});

describe("accuracy on the hand-checked foods (real SR28 data)", () => {
  let dataset: Sr28Dataset;
  let foods: Map<string, ClassifiableFood>;
  let handChecked: HandCheckedFood[];
  let overrides: Map<string, ClassificationOverride>;

  beforeAll(() => {
    dataset = parseSr28Dataset(readSr28Files(path.join(REPOSITORY, "db/data/usda-sr28")));
    foods = new Map(
      dataset.foods.map((f) => [
        f.ndbNumber,
        food(f.name, f.groupCode, f.nutrients.b12, f.nutrients.b12Added, f.ndbNumber),
      ]),
    );
    handChecked = parseHandCheckedFoods(readFileSync(HAND_CHECKED_PATH, "utf8"));
    overrides = parseClassificationOverrides(readFileSync(OVERRIDES_PATH, "utf8"));
  });

  it("the hand-checked set covers every food group, more in the mixed ones", () => {
    expect(handChecked.length).toBeGreaterThanOrEqual(150);
    const perGroup = new Map<string, number>();
    for (const checked of handChecked) {
      const group = foods.get(checked.ndbNumber)?.groupCode ?? "missing";
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    }
    for (const group of dataset.groups) {
      expect(
        perGroup.get(group.code) ?? 0,
        `group ${group.code} ${group.name}`,
      ).toBeGreaterThanOrEqual(3);
    }
    for (const mixed of [
      "0300",
      "0600",
      "0800",
      "1400",
      "1600",
      "1800",
      "1900",
      "2100",
      "2200",
      "2500",
      "3500",
      "3600",
    ]) {
      expect(perGroup.get(mixed) ?? 0, `mixed group ${mixed}`).toBeGreaterThanOrEqual(8);
    }
  });

  it("at most 20% of the hand-checked foods have an override, so the test measures the rules", () => {
    const overridden = handChecked.filter((checked) => overrides.has(checked.ndbNumber));
    expect(overridden.length / handChecked.length).toBeLessThanOrEqual(0.2);
  });

  it("every committed override names an SR28 food and changes what the rules say", () => {
    for (const override of overrides.values()) {
      const target = foods.get(override.ndbNumber);
      expect(target, `override ${override.ndbNumber}`).toBeDefined();
      if (!target) continue;
      const rules = classifyFood(target);
      const changesDiet = override.diet !== null && override.diet !== rules.diet;
      const changesFortified =
        override.b12Fortified !== null && override.b12Fortified !== rules.b12Fortified;
      expect(
        changesDiet || changesFortified,
        `override ${override.ndbNumber} changes nothing`,
      ).toBe(true);
    }
  });

  it("classifies the hand-checked foods with vegan-or-not accuracy of at least 97%", () => {
    const withOverrides = measureClassificationAccuracy(handChecked, foods, overrides);
    const rulesOnly = measureClassificationAccuracy(handChecked, foods);
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    console.log(
      [
        `hand-checked foods: ${withOverrides.total}`,
        `with overrides: vegan-or-not ${percent(withOverrides.veganOrNot)}, exact diet ${percent(withOverrides.exactDiet)}, fortified ${percent(withOverrides.fortified)}`,
        `rules only:     vegan-or-not ${percent(rulesOnly.veganOrNot)}, exact diet ${percent(rulesOnly.exactDiet)}, fortified ${percent(rulesOnly.fortified)}`,
      ].join("\n"),
    );
    const list = (mismatches: typeof withOverrides.mismatches) =>
      mismatches.length === 0 ? "none" : `\n${mismatches.map(describeMismatch).join("\n")}`;
    expect(
      withOverrides.veganOrNot,
      `vegan-or-not accuracy with overrides is ${percent(withOverrides.veganOrNot)}; mismatches:${list(withOverrides.mismatches)}`,
    ).toBeGreaterThanOrEqual(0.97);
    expect(
      rulesOnly.veganOrNot,
      `rules-only vegan-or-not accuracy is ${percent(rulesOnly.veganOrNot)}; mismatches:${list(rulesOnly.mismatches)}`,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it("over the whole dataset: every food gets a reason, and fortified always has B12 behind it", () => {
    let fortified = 0;
    let vegan = 0;
    for (const f of foods.values()) {
      const result = classifyFood(f, overrides);
      expect(result.dietReason.length, f.name).toBeGreaterThan(0);
      if (result.b12Fortified) {
        fortified++;
        expect(result.fortifiedReason, f.name).toBeTruthy();
        expect(f.b12PerHundredGrams ?? 0, `${f.name} is fortified with no B12`).toBeGreaterThan(0);
      } else {
        expect(result.fortifiedReason, f.name).toBeNull();
      }
      if (result.diet === "vegan") vegan++;
    }
    expect(fortified).toBeGreaterThan(100);
    expect(fortified).toBeLessThan(800);
    expect(vegan).toBeGreaterThan(1500);
    expect(vegan).toBeLessThan(4000);
  });
});
