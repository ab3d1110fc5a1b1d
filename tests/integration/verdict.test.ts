/**
 * The one verdict through the API: plans.totals (days and plan) and plans.suggestions agree,
 * for the people the issue names, and the label editions convert with their own reference.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { buildCustomFoodInput } from "@/tests/factories/foods";
import { buildProfileInput, createPlanWith } from "@/tests/factories/plans";

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
});
afterAll(() => t.close());

type Api = ReturnType<TestDatabase["caller"]>;

/** A food typed from a label as "µg per serving of 100 g", so grams = µg × 100 / µg. */
async function foodWith(api: Api, name: string, micrograms: number, diet: "vegan" | "omnivore") {
  const food = await api.foods.createCustom(
    buildCustomFoodInput({
      name,
      servingGrams: 100,
      b12: { micrograms },
      diet,
      fortified: diet === "vegan",
    }),
  );
  return food.id;
}

describe("the verdict for the issue's personas", () => {
  it("a healthy 68-year-old omnivore eating 6 µg a day meets, with poor release as the low end", async () => {
    const api = t.caller("persona-68");
    await api.profile.update(buildProfileInput({ ageYears: 68, sex: "male", diet: "omnivore" }));
    const eggsAndMilk = await foodWith(api, "Eggs and milk", 1.8, "omnivore");
    const salmon = await foodWith(api, "Salmon", 2.6, "omnivore");
    const beef = await foodWith(api, "Beef", 1.6, "omnivore");
    const planId = await createPlanWith(api, { dayCount: 7 });
    await api.plans.addToDays({ planId, foodId: eggsAndMilk, meals: ["breakfast"], grams: 100 });
    await api.plans.addToDays({ planId, foodId: salmon, meals: ["lunch"], grams: 100 });
    const { totals } = await api.plans.addToDays({
      planId,
      foodId: beef,
      meals: ["dinner"],
      grams: 100,
    });
    expect(totals.averageB12Micrograms).toBeCloseTo(6, 9);
    // 0.7173 + 0.8627 + 0.6715 µg: the normal-release estimate is the headline, never 0.
    expect(totals.averageAbsorbedB12Micrograms).toBeCloseTo(2.2515, 3);
    expect(totals.averageAbsorbedLowB12Micrograms).toBe(0);
    expect(totals.lowEndReason).toMatch(/10-30% of people over 50/);
    expect(totals.status).toBe("meets");
    expect(totals.days.every((day) => day.status === "meets")).toBe(true);
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions.status).toBe("meets");
    expect(suggestions.foods).toEqual([]);
    // The IOM's advice from 51, as a labelled line and one suggestion, not a shortfall.
    expect(suggestions.notes.map((note) => note.id)).toContain("iom-advice-51");
    expect(suggestions.regimens.map((regimen) => regimen.kind)).toEqual(["advice-51"]);
    expect(suggestions.regimens[0]?.supplement?.doseMicrograms).toBe(10);
    expect(JSON.stringify(suggestions)).not.toMatch(/Vegan Society/);
  });

  it("a vegan drinking one cup of fortified soy milk (2.6 µg) is short everywhere, and told why", async () => {
    const api = t.caller("persona-vegan-soy");
    await api.profile.update(buildProfileInput({ diet: "vegan" }));
    const soy = await api.foods.createCustom(
      buildCustomFoodInput({ name: "Soy milk", servingGrams: 240, b12: { micrograms: 2.6 } }),
    );
    const planId = await createPlanWith(api, { dayCount: 3 });
    const { totals } = await api.plans.addToDays({
      planId,
      foodId: soy.id,
      meals: ["breakfast"],
      grams: 240,
    });
    expect(totals.averagePercentOfTarget).toBeCloseTo(108.33, 2);
    expect(totals.status).toBe("short");
    expect(totals.days.map((day) => day.status)).toEqual(["short", "short", "short"]);
    expect(totals.days[0]?.statusReason).toMatch(
      /^2\.6 µg at breakfast: the body takes up only about 0\.86 µg of it at once/,
    );
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions.status).toBe(totals.status);
    expect(suggestions.statusReason).toBe(totals.statusReason);
    expect(suggestions.regimens.map((regimen) => regimen.title)).toContain("10 µg every day");
  });

  it("an EFSA adult eating exactly 4 µg over three meals meets, and is offered nothing", async () => {
    const api = t.caller("persona-efsa");
    await api.profile.update(buildProfileInput({ diet: "omnivore", standard: "efsa" }));
    const third = await foodWith(api, "A third of 4 µg", 4 / 3, "omnivore");
    const planId = await createPlanWith(api, { dayCount: 7 });
    const { totals } = await api.plans.addToDays({
      planId,
      foodId: third,
      meals: ["breakfast", "lunch", "dinner"],
      grams: 100,
    });
    expect(totals.targetMicrograms).toBe(4);
    expect(totals.absorbedTargetMicrograms).toBeCloseTo(1.8075, 4);
    expect(totals.status).toBe("meets");
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions).toMatchObject({ status: "meets", foods: [], regimens: [] });
  });

  it("an EFSA adult who needs a supplement is offered the smallest common dose that meets (50 µg)", async () => {
    const api = t.caller("persona-efsa-empty");
    await api.profile.update(buildProfileInput({ diet: "vegan", standard: "efsa" }));
    const planId = await createPlanWith(api, { dayCount: 7 });
    const suggestions = await api.plans.suggestions({ planId });
    const daily = suggestions.regimens.find((regimen) => regimen.kind === "daily-supplement");
    expect(daily?.supplement?.doseMicrograms).toBe(50);
  });

  it.each([3, 7, 28])(
    "weekly 2,000 µg on a %i-day plan: about 21.5 µg on the day, 3.1 µg a day",
    async (dayCount) => {
      const api = t.caller(`persona-weekly-${dayCount}`);
      await api.profile.update(buildProfileInput({ diet: "vegan" }));
      const planId = await createPlanWith(api, { dayCount });
      const before = await api.plans.suggestions({ planId });
      const weekly = before.regimens.find((regimen) => regimen.kind === "weekly-supplement");
      expect(weekly?.explanation).toMatch(/about 21\.5 µg on the day, about 3\.07 µg a day/);
      const { totals } = await api.plans.addSupplement({
        planId,
        doseMicrograms: 2000,
        form: "tablet",
        everyNDays: 7,
      });
      expect(totals.regimens[0]?.absorbedPerDoseMicrograms).toBeCloseTo(21.4985, 3);
      expect(totals.regimens[0]?.averageAbsorbedMicrograms).toBeCloseTo(3.0712, 3);
      expect(totals.averageAbsorbedB12Micrograms).toBeCloseTo(3.0712, 3);
      expect(totals.status).toBe("meets");
      expect(totals.days.every((day) => day.status === "meets")).toBe(true);
      expect((await api.plans.suggestions({ planId })).status).toBe("meets");
    },
  );

  it("never shows Vegan Society wording to someone who is not vegan", async () => {
    const api = t.caller("persona-omnivore-empty");
    await api.profile.update(buildProfileInput({ diet: "omnivore" }));
    const planId = await createPlanWith(api, { dayCount: 7 });
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions.status).toBe("short");
    expect(suggestions.regimens.length).toBeGreaterThan(0);
    expect(JSON.stringify(suggestions.regimens)).not.toMatch(/Vegan Society/);
  });
});

describe("label editions", () => {
  // 50% of each reference, on a 100 g serving: µg = 50 × reference / 100.
  const cases = [
    ["current", 1.2],
    ["pre-2016", 3],
    ["us-infant", 0.25],
    ["us-child-1-3", 0.45],
    ["us-pregnancy-lactation", 1.4],
    ["eu-nrv", 1.25],
  ] as const;
  it.each(cases)("50%% on a %s label is %f µg", async (labelEdition, micrograms) => {
    const api = t.caller("label-editions");
    const food = await api.foods.createCustom(
      buildCustomFoodInput({
        name: `Label ${labelEdition}`,
        servingGrams: 100,
        b12: { percentDailyValue: 50, labelEdition },
      }),
    );
    const detail = await api.foods.get({ id: food.id });
    expect(detail.b12PerHundredGrams).toBeCloseTo(micrograms, 10);
    expect(detail.label).toMatchObject({ percentDailyValue: 50, labelEdition });
  });

  it("refuses an unknown edition, naming the field and the choices", async () => {
    const api = t.caller("label-editions");
    await expect(
      api.foods.createCustom(
        buildCustomFoodInput({
          // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
          b12: { percentDailyValue: 50, labelEdition: "uk-2030" as any },
        }),
      ),
    ).rejects.toThrow(/b12\.labelEdition must be one of: current, pre-2016, us-infant/);
  });
});
