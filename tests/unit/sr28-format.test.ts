import { describe, expect, it } from "vitest";
import { parseSr28Dataset, parseSr28Records, readSr28Files } from "@/db/import/sr28-format";

const cp1252 = (text: string) =>
  Uint8Array.from(
    Array.from(text, (char) => (char === "’" ? 146 : char === "µ" ? 181 : char.charCodeAt(0))),
  );

describe("the SR28 file format", () => {
  it("splits ^-separated records, unwraps ~text~ fields and decodes Windows-1252", () => {
    const records = parseSr28Records(cp1252("~01001~^~Butter’s~^0.85^\r\n~418~^~µg~^^\r\n"));
    expect(records).toEqual([
      ["01001", "Butter’s", "0.85", ""],
      ["418", "µg", "", ""],
    ]);
  });

  it("joins foods, nutrients and portions; a missing nutrient is null", () => {
    const dataset = parseSr28Dataset({
      foodGroups: "~1600~^~Legumes and Legume Products~\r\n",
      foodDescriptions: "~16139~^~1600~^~Soymilk~^~SOYMILK~^~~^~~^~~^~~^0^~~^^^^\r\n",
      nutrientData:
        "~16139~^~418~^0.85^1^^~1~\r\n~16139~^~208~^43^^^~4~\r\n~16139~^~999~^5^^^~4~\r\n",
      weights: "~16139~^2^1^~fl oz~^30.6^^\r\n~16139~^1^1^~cup~^243^^\r\n",
    });
    expect(dataset.groups).toEqual([{ code: "1600", name: "Legumes and Legume Products" }]);
    const food = dataset.foods[0];
    expect(food?.nutrients).toMatchObject({
      b12: 0.85,
      energyKcal: 43,
      b12Added: null,
      protein: null,
    });
    expect(food?.portions.map((portion) => portion.unit)).toEqual(["cup", "fl oz"]);
    expect(food?.commonName).toBeNull();
  });

  it("refuses a nutrient value that is not a number", () => {
    expect(() =>
      parseSr28Dataset({
        foodGroups: "",
        foodDescriptions: "",
        nutrientData: "~16139~^~418~^abc^\r\n",
        weights: "",
      }),
    ).toThrow(/not a number/);
  });
});

describe("the committed SR28 files", () => {
  it("decode Windows-1252 quotes in the real data", () => {
    const { foods } = parseSr28Dataset(readSr28Files());
    const kiwi = foods.find((food) => food.ndbNumber === "09520");
    expect(kiwi?.scientificName).toBe("Actinidia chinensis ‘Zesy002’ (Gold3)");
  });
});
