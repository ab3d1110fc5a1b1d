/**
 * A household plan in Chromium: a child without a login is added on the household page,
 * the plan is set to be eaten by two adults and the child at half portions, and the plan
 * page shows three status columns side by side (one at a time with a switcher on phones).
 * The household's shopping list buys 2.5 portions (plus guests), and a supplement for
 * one person changes only that person's column.
 */
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import {
  assert,
  callMutation,
  callQuery,
  type Journey,
  open,
  SCREENSHOT_DIR,
  screenshot,
  VIEWPORTS,
} from "./harness";

/** A close-up of one part of a page (the full-page screenshots shrink it out of sight). */
async function closeUp(part: Locator, name: string): Promise<void> {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The signed-in admin's own person, made on first use. */
async function ownPerson(baseUrl: string): Promise<{ id: string; name: string }> {
  const people = (await callQuery(baseUrl, "people.list", undefined)) as {
    id: string;
    name: string;
    isYou: boolean;
  }[];
  const own = people.find((person) => person.isYou);
  if (!own) throw new Error("people.list has no own person");
  return own;
}

/**
 * A one-day plan without food, eaten by the signed-in admin and a vegan 6-year-old
 * (NIH: 1.2 µg a day) at half portions.
 */
async function planWithChild(
  baseUrl: string,
  planName: string,
  childName: string,
): Promise<{ planId: string; own: { id: string; name: string } }> {
  const { id: planId } = (await callMutation(baseUrl, "plans.create", {
    name: planName,
    dayCount: 1,
  })) as { id: string };
  const own = await ownPerson(baseUrl);
  const child = (await callMutation(baseUrl, "people.create", {
    name: childName,
    ageYears: 6,
    sex: "female",
    diet: "vegan",
    standard: "nih",
  })) as { id: string };
  await callMutation(baseUrl, "plans.setEaters", {
    planId,
    eaters: [
      { personId: own.id, portionFactor: 1 },
      { personId: child.id, portionFactor: 0.5 },
    ],
  });
  return { planId, own };
}

/** Waits (retrying) until the locator's text matches, and answers it. */
async function textMatching(page: Page, selector: string, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    ({ selector, source }) => {
      const text = document.querySelector(selector)?.textContent ?? "";
      return new RegExp(source).test(text) ? text : false;
    },
    { selector, source: pattern.source },
    { timeout: 15_000 },
  );
  return String(await handle.jsonValue());
}

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
  {
    name: "people: the household shopping list for two adults and a child buys 2.5 portions",
    run: async ({ browser, baseUrl }) => {
      // 100 g of a food on one day; eaten at 1 + 1 + 0.5: 250 g; one guest more: 350 g.
      const food = (await callMutation(baseUrl, "foods.createCustom", {
        name: "Household shopping oats",
        servingGrams: 100,
        b12: { micrograms: 0 },
        diet: "vegan",
        fortified: false,
      })) as { id: string };
      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Family shopping",
        dayCount: 1,
      })) as { id: string };
      await callMutation(baseUrl, "plans.addEntry", {
        planId,
        day: 1,
        meal: "breakfast",
        foodId: food.id,
        grams: 100,
      });
      const own = await ownPerson(baseUrl);
      const ana = (await callMutation(baseUrl, "people.create", {
        name: "Ana",
        ageYears: 38,
        sex: "female",
        diet: "vegan",
        standard: "nih",
      })) as { id: string };
      const cleo = (await callMutation(baseUrl, "people.create", {
        name: "Cleo",
        ageYears: 6,
        sex: "female",
        diet: "vegan",
        standard: "nih",
      })) as { id: string };
      await callMutation(baseUrl, "plans.setEaters", {
        planId,
        eaters: [
          { personId: own.id, portionFactor: 1 },
          { personId: ana.id, portionFactor: 1 },
          { personId: cleo.id, portionFactor: 0.5 },
        ],
      });

      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}/shopping`);
      // Retrying waits: the header says who the list is for, the line what to buy.
      await page.getByText(`for ${own.name}, Ana and Cleo (½) ·`).waitFor();
      await page.getByText(/^250 g household shopping oats$/i).waitFor();
      await screenshot(page, "shopping-household-desktop");
      const header = page.locator("main");
      await closeUp(
        header.getByRole("form", { name: "List settings" }),
        "shopping-settings-desktop",
      );
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "shopping-household-phone");
      await closeUp(header.getByRole("form", { name: "List settings" }), "shopping-settings-phone");
      await page.setViewportSize(VIEWPORTS.desktop);

      await page.getByLabel("Extra guests").selectOption("1");
      await page.getByText(`for ${own.name}, Ana and Cleo (½) + 1 guest ·`).waitFor();
      await page.getByText(/^350 g household shopping oats$/i).waitFor();
      await screenshot(page, "shopping-household-guest-desktop");
      await page.close();
    },
  },
  {
    name: "people: a supplement for one person changes only that person's column",
    run: async ({ browser, baseUrl }) => {
      const { planId, own } = await planWithChild(baseUrl, "Dora's supplement", "Dora");

      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      const ownColumn = `.person-column[data-person="${own.name}"]`;
      const doraColumn = '.person-column[data-person="Dora"]';
      const ownBefore = await textMatching(page, ownColumn, /0 µg a day/);
      await textMatching(page, doraColumn, /0 µg a day of 1\.2 µg/);

      await page.getByRole("button", { name: "Add a supplement" }).click();
      const form = page.getByRole("form", { name: "Add supplement" });
      // The select's name is its label and its chosen option ("For Admin").
      await form.getByRole("combobox", { name: /^For\b/ }).selectOption({ label: "Dora" });
      await form.getByLabel("Dose").selectOption("10");
      await screenshot(page, "plan-supplement-for-person-desktop");
      await closeUp(form, "supplement-form-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "plan-supplement-for-person-phone");
      await closeUp(form, "supplement-form-phone");
      await page.setViewportSize(VIEWPORTS.desktop);
      await form.getByRole("button", { name: "Add supplement" }).click();

      // 10 µg a day for Dora (doses are not halved by her portion factor); nothing for the other.
      await textMatching(page, doraColumn, /10 µg a day of 1\.2 µg/);
      await page.getByText(/For Dora ·/).waitFor();
      const ownAfter = await textMatching(page, ownColumn, /µg a day/);
      assert(ownAfter === ownBefore, `the other column is unchanged: ${ownBefore} → ${ownAfter}`);
      await page.close();
    },
  },
  {
    name: "people: suggestions for a child at half portions say what each portion gives her",
    run: async ({ browser, baseUrl }) => {
      const { planId } = await planWithChild(baseUrl, "Lena's week", "Lena");

      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      // On a desktop every eater has a column; a person's name selects whose plan is shown.
      await page
        .locator('.person-column[data-person="Lena"]')
        .getByRole("button", { name: "Lena" })
        .click();
      const suggestions = page.getByRole("region", { name: "Suggestions" });
      await suggestions.getByRole("heading", { name: "Foods that would make it enough" }).waitFor();
      // Each food is judged at her half portions, and says what a portion gives her.
      await suggestions
        .getByText(/Eaten at 0\.5 × the plan's amounts, each portion gives [\d.]+ µg\./)
        .first()
        .waitFor();
      await closeUp(suggestions, "suggestions-half-portions-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await closeUp(suggestions, "suggestions-half-portions-phone");
      await page.close();
    },
  },
];
