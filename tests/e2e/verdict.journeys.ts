/**
 * The one verdict in the browser, for the people issue 12 names: the plan page's verdict,
 * its day tabs and its suggestions say the same thing, with the reason in one sentence.
 * Each persona's plan page is photographed at desktop and phone width.
 */
import { assert, callMutation, type Journey, open, screenshot, VIEWPORTS } from "./harness";

type Meal = "breakfast" | "lunch" | "dinner" | "snack";

async function customFood(baseUrl: string, name: string, micrograms: number, diet: string) {
  const food = (await callMutation(baseUrl, "foods.createCustom", {
    name,
    servingGrams: 100,
    b12: { micrograms },
    diet,
    fortified: diet === "vegan",
  })) as { id: string };
  return food.id;
}

async function planWith(
  baseUrl: string,
  name: string,
  dayCount: number,
  foods: { foodId: string; meals: Meal[] }[],
): Promise<string> {
  const { id: planId } = (await callMutation(baseUrl, "plans.create", {
    name,
    dayCount,
  })) as { id: string };
  for (const food of foods) {
    await callMutation(baseUrl, "plans.addToDays", { planId, ...food, grams: 100 });
  }
  return planId;
}

async function photograph(page: import("playwright-core").Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(VIEWPORTS.phone);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(VIEWPORTS.desktop);
}

export const verdictJourneys: Journey[] = [
  {
    name: "verdict: a healthy 68-year-old eating 6 µg a day is told it is enough, with a range",
    run: async ({ browser, baseUrl }) => {
      await callMutation(baseUrl, "profile.update", {
        ageYears: 68,
        sex: "male",
        diet: "omnivore",
        standard: "nih",
      });
      const planId = await planWith(baseUrl, "Eggs, salmon and beef", 7, [
        {
          foodId: await customFood(baseUrl, "Eggs and milk", 1.8, "vegetarian"),
          meals: ["breakfast"],
        },
        { foodId: await customFood(baseUrl, "Salmon", 2.6, "omnivore"), meals: ["lunch"] },
        { foodId: await customFood(baseUrl, "Beef", 1.6, "omnivore"), meals: ["dinner"] },
      ]);
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      const verdict = page.getByRole("region", { name: "✓ This plan gives enough B12" });
      await verdict.getByText("about 2.25 µg").waitFor();
      await verdict
        .getByText(/As little as 0 µg if your stomach releases the B12 in food poorly/)
        .waitFor();
      const tab = await page.getByRole("tab").first().innerText();
      assert(/✓ enough/.test(tab), `day tab reads "${tab}"`);
      const suggestions = page.getByRole("region", { name: "Suggestions" });
      await suggestions.getByText(/✓ This plan gives enough B12/).waitFor();
      await suggestions.getByText(/Advice from 51: 10 µg every day/).waitFor();
      assert(
        !(await page.getByText(/Vegan Society/).count()),
        "Vegan Society wording shown to an omnivore",
      );
      await photograph(page, "verdict-68-omnivore");
      await page.close();
    },
  },
  {
    name: "verdict: a vegan with one cup of soy milk is short everywhere, and told why",
    run: async ({ browser, baseUrl }) => {
      await callMutation(baseUrl, "profile.update", {
        ageYears: 30,
        sex: "female",
        diet: "vegan",
        standard: "nih",
      });
      const soy = await customFood(baseUrl, "Soy milk, one cup", 2.6, "vegan");
      const planId = await planWith(baseUrl, "Soy milk at breakfast", 7, [
        { foodId: soy, meals: ["breakfast"] },
      ]);
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      const verdict = page.getByRole("region", { name: "▼ This plan is short of B12" });
      await verdict
        .getByText(/2\.6 µg at breakfast: the body takes up only about 0\.86 µg of it at once/)
        .waitFor();
      const tabs = await page.getByRole("tab").allInnerTexts();
      assert(
        tabs.every((text) => /▼ short/.test(text)),
        `day tabs disagree: ${tabs.join(" | ")}`,
      );
      await page.locator(".day-total[data-status='short']").waitFor();
      const suggestions = page.getByRole("region", { name: "Suggestions" });
      await suggestions.getByText(/▼ This plan is short of B12/).waitFor();
      await photograph(page, "verdict-vegan-soy");
      await page.close();
    },
  },
  {
    name: "verdict: an EFSA adult eating exactly 4 µg over three meals is told it is enough",
    run: async ({ browser, baseUrl }) => {
      await callMutation(baseUrl, "profile.update", {
        ageYears: 40,
        sex: "female",
        diet: "omnivore",
        standard: "efsa",
      });
      const third = await customFood(baseUrl, "A third of 4 µg", 4 / 3, "omnivore");
      const planId = await planWith(baseUrl, "EFSA amount in three meals", 7, [
        { foodId: third, meals: ["breakfast", "lunch", "dinner"] },
      ]);
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      await page.getByRole("region", { name: "✓ This plan gives enough B12" }).waitFor();
      const suggestions = page.getByRole("region", { name: "Suggestions" });
      await suggestions.getByText(/No changes needed/).waitFor();
      assert(!(await suggestions.getByText(/100 µg/).count()), "a 100 µg dose was offered");
      await photograph(page, "verdict-efsa-4ug");
      await page.close();
    },
  },
  {
    name: "verdict: weekly 2,000 µg on a 3-day plan is about 21.5 µg on the day, 3.07 µg a day",
    run: async ({ browser, baseUrl }) => {
      await callMutation(baseUrl, "profile.update", {
        ageYears: 30,
        sex: "male",
        diet: "vegan",
        standard: "nih",
      });
      const planId = await planWith(baseUrl, "Weekly tablet, 3 days", 3, []);
      await callMutation(baseUrl, "plans.addSupplement", {
        planId,
        doseMicrograms: 2000,
        form: "tablet",
        everyNDays: 7,
      });
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      const verdict = page.getByRole("region", { name: "✓ This plan gives enough B12" });
      await verdict
        .getByText(
          /2,000 µg once a week: about 21\.5 µg absorbed on the day, about 3\.07 µg a day averaged/,
        )
        .waitFor();
      const tabs = await page.getByRole("tab").allInnerTexts();
      assert(
        tabs.every((text) => /✓ enough/.test(text)),
        `day tabs: ${tabs.join(" | ")}`,
      );
      await photograph(page, "verdict-weekly-2000");
      await page.close();
    },
  },
];
