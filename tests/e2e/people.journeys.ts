/**
 * A household plan in Chromium: a child without a login is added on the household page,
 * the plan is set to be eaten by two adults and the child at half portions, and the plan
 * page shows three status columns side by side (one at a time with a switcher on phones).
 */
import { assert, callMutation, type Journey, open, screenshot, VIEWPORTS } from "./harness";

export const peopleJourneys: Journey[] = [
  {
    name: "people: a household plan for two adults and a child has three status columns",
    run: async ({ browser, baseUrl }) => {
      // 1 µg per 100 g: 100 g at each of three meals is 3 µg a day; the child at 0.5 eats 1.5 µg.
      const food = (await callMutation(baseUrl, "foods.createCustom", {
        name: "Household test yoghurt",
        servingGrams: 100,
        b12: { micrograms: 1 },
        diet: "vegetarian",
        fortified: false,
      })) as { id: string };
      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Family week",
        dayCount: 2,
      })) as { id: string };
      for (const meal of ["breakfast", "lunch", "dinner"]) {
        await callMutation(baseUrl, "plans.addToDays", {
          planId,
          foodId: food.id,
          meals: [meal],
          grams: 100,
        });
      }
      await callMutation(baseUrl, "people.create", {
        name: "Theo",
        ageYears: 41,
        sex: "male",
        diet: "omnivore",
        standard: "nih",
      });

      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/household`);
      await page.getByRole("button", { name: "Add a person" }).click();
      const form = page.getByRole("form", { name: "Add a person" });
      await form.getByLabel("Name").fill("Mia");
      await form.getByLabel("Age in years").fill("6");
      await form.getByRole("button", { name: "Add", exact: true }).click();
      await page.locator('[data-person="Mia"]').getByText("6 years").waitFor();
      await screenshot(page, "household-people-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "household-people-phone");
      await page.setViewportSize(VIEWPORTS.desktop);

      await open(page, `${baseUrl}/plans/${planId}`);
      await page.getByRole("button", { name: "Change who eats this plan" }).click();
      await page.getByRole("checkbox", { name: "Theo" }).check();
      await page.getByRole("checkbox", { name: "Mia" }).check();
      await page.getByLabel("Mia's portion factor").fill("0.5");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const columns = page.locator(".person-column");
      await page.waitForFunction(
        () => document.querySelectorAll(".person-column").length === 3,
        null,
        {
          timeout: 15_000,
        },
      );
      const mia = page.locator('.person-column[data-person="Mia"]');
      await mia.getByText("× 0.5 of each meal").waitFor();
      await mia.getByText("1.5 µg a day of 1.2 µg").waitFor();
      await page
        .locator('.person-column[data-person="Theo"]')
        .getByText("3 µg a day of 2.4 µg")
        .waitFor();
      assert((await columns.count()) === 3, "three people eat the plan");
      await screenshot(page, "plan-people-desktop");

      // On a phone: one column at a time, chosen with the switcher.
      await page.setViewportSize(VIEWPORTS.phone);
      await page.getByLabel("Show the plan for").selectOption({ label: "Mia" });
      await mia.waitFor({ state: "visible" });
      await page.locator('.person-column[data-person="Theo"]').waitFor({ state: "hidden" });
      await screenshot(page, "plan-people-phone");
      await page.close();
    },
  },
];
