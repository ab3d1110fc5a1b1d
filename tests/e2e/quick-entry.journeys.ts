/**
 * Quick food entry (issue 13): the add-food panel with the keyboard (type, ↓, Enter,
 * amount with its B12, Enter), recent foods and favourites in the empty panel, Escape,
 * copying a meal to another day, undoing a removal with focus kept in the meal, and
 * "Add to plan" on a food's page with a fluid-ounce amount.
 */
import type { Page } from "playwright-core";
import {
  assert,
  callMutation,
  callQuery,
  type Journey,
  open,
  screenshot,
  VIEWPORTS,
} from "./harness";

const WHOLE_EGG = /^Egg, whole/;
const SOYMILK = "Soymilk, original and vanilla, with added calcium, vitamins A and D";

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return "body";
    return (element.getAttribute("aria-label") ?? element.textContent ?? "")
      .replace(/\s+/g, " ")
      .trim();
  });
}

async function waitForFocus(page: Page, pattern: RegExp, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (pattern.test(await focusedText(page))) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`${what}: focus is on "${await focusedText(page)}"`);
}

export const quickEntryJourneys: Journey[] = [
  {
    name: "quick entry: type 'eggs', pick with ↓ and Enter, see the B12 of the amount, add; recent, favourites, Escape",
    run: async ({ browser, baseUrl }) => {
      // Eggs are offered to an omnivore; another journey may have left the profile vegan.
      await callMutation(baseUrl, "profile.update", {
        ageYears: 35,
        sex: "female",
        diet: "omnivore",
        standard: "nih",
      });
      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Quick entry week",
        dayCount: 3,
      })) as { id: string };
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      const breakfast = page.getByRole("region", { name: "Breakfast", exact: true });
      await breakfast.getByRole("button", { name: "Add food to breakfast" }).click();
      await page.keyboard.type("eggs");
      const results = breakfast.getByRole("list", { name: "Foods to add" });
      const first = results.locator("[data-food-option]").first();
      await first.filter({ hasText: WHOLE_EGG }).waitFor();
      await page.keyboard.press("ArrowDown");
      await waitForFocus(page, WHOLE_EGG, "↓ from the search box");
      await screenshot(page, "add-food-results-desktop");
      await page.keyboard.press("Enter");
      // The B12 of the chosen amount, from the server, before "Add".
      await breakfast.getByText(/ g gives [\d.]+ µg of B12/).waitFor();
      await screenshot(page, "add-food-amount-desktop");
      await page.keyboard.press("Enter");
      await breakfast.getByRole("link", { name: WHOLE_EGG }).first().waitFor();
      await waitForFocus(page, /Add food/, "after adding");

      // Empty search: the egg is a recent food. Star soy milk, then it is a favourite.
      await breakfast.getByRole("button", { name: "Add food to breakfast" }).click();
      const recent = breakfast.getByRole("list", { name: "Recent foods" });
      await recent.getByRole("button", { name: WHOLE_EGG }).first().waitFor();
      await page.keyboard.type("soy milk");
      const soy = results.locator("li").filter({ hasText: SOYMILK }).first();
      await soy.waitFor();
      await soy.getByRole("button", { name: `Favourite: ${SOYMILK}` }).click();
      await soy.locator('button[aria-pressed="true"]').waitFor();
      await breakfast.getByLabel("Find a food to add to breakfast").fill("");
      const favourites = breakfast.getByRole("list", { name: "Favourite foods" });
      await favourites.getByRole("button", { name: new RegExp(`^${SOYMILK}`) }).waitFor();
      await screenshot(page, "add-food-empty-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "add-food-empty-phone");
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.keyboard.press("Escape");
      await breakfast.getByRole("list", { name: "Favourite foods" }).waitFor({ state: "detached" });
      await waitForFocus(page, /Add food/, "after Escape");

      // Copy breakfast to day 2.
      await breakfast.getByRole("button", { name: /Copy this meal/ }).click();
      await breakfast.getByLabel("Day 2").check();
      await breakfast.getByRole("button", { name: "Copy", exact: true }).click();
      await breakfast.getByText("Copied 1 food.").waitFor();
      await page.getByRole("tab", { name: /Day 2/ }).click();
      const breakfast2 = page.getByRole("region", { name: "Breakfast", exact: true });
      const eggLink = breakfast2.getByRole("link", { name: WHOLE_EGG });
      await eggLink.first().waitFor();

      // Remove it and undo: focus goes to Undo, then back to the meal.
      await breakfast2.getByRole("button", { name: /^Remove Egg, whole/ }).click();
      await eggLink.first().waitFor({ state: "detached" });
      await waitForFocus(page, /^Undo/, "after Remove");
      await screenshot(page, "plan-undo-desktop");
      await page.keyboard.press("Enter");
      await eggLink.first().waitFor();
      await waitForFocus(page, /Add food/, "after Undo");
      await page.close();
    },
  },
  {
    name: "food page: star it and add 8 fl oz to a plan's lunch, with the B12 shown first",
    run: async ({ browser, baseUrl }) => {
      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Food page plan",
        dayCount: 2,
      })) as { id: string };
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/foods/sr28-16139`);
      // Another journey may have starred it already: the star flips, and stays flipped.
      const star = page.getByRole("button", { name: `Favourite: ${SOYMILK}` });
      const before = await star.getAttribute("aria-pressed");
      const after = before === "true" ? "false" : "true";
      // The star answers at once; reload only once the server has saved it.
      const saved = page.waitForResponse(
        (response) => response.url().includes("foods.setFavorite") && response.ok(),
      );
      await star.click();
      await page.locator(`.title-with-star button[aria-pressed="${after}"]`).waitFor();
      await saved;
      await page.reload();
      await page.locator(`.title-with-star button[aria-pressed="${after}"]`).waitFor();
      await page.getByRole("button", { name: "Add to plan" }).click();
      await page.getByLabel("Plan", { exact: true }).selectOption({ label: "Food page plan" });
      await page.getByLabel("Day", { exact: true }).selectOption("2");
      await page.getByLabel("Meal", { exact: true }).selectOption("lunch");
      await page.getByLabel("Unit").selectOption({ label: "fluid ounces (fl oz)" });
      await page.getByLabel("How many").fill("8");
      // 8 fl oz × 30.6 g per fl oz (SR28 16139) = 244.8 g; × 0.85 µg/100 g = 2.08 µg.
      await page.getByText("245 g gives 2.08 µg of B12").waitFor();
      await screenshot(page, "food-add-to-plan-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "food-add-to-plan-phone");
      await page.getByRole("button", { name: "Add to lunch" }).click();
      await page.getByText("Added to Food page plan, day 2, lunch.").waitFor();
      const plan = (await callQuery(baseUrl, "plans.get", { planId })) as {
        entries: { day: number; meal: string; grams: number }[];
      };
      const entry = plan.entries[0];
      assert(
        entry?.day === 2 && entry.meal === "lunch" && Math.abs(entry.grams - 244.8) < 1e-6,
        `stored entry: ${JSON.stringify(entry)}`,
      );
      await page.close();
    },
  },
  {
    name: "'lentil soup' with the vegan filter finds lentils and says it matched some words",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/foods?q=lentil%20soup&diet=vegan`);
      await page.getByText(/No food matches every word of “lentil soup”/).waitFor();
      const results = page.getByRole("list", { name: "Search results" });
      await results
        .getByRole("link", { name: /^Lentils/ })
        .first()
        .waitFor();
      await open(page, `${baseUrl}/foods?q=zzqxv&diet=vegan`);
      await page.getByRole("button", { name: "Search all foods instead" }).click();
      await page.waitForFunction(() => !window.location.search.includes("diet="));
      await page.getByText(/No foods match “zzqxv”/).waitFor();
      await page.close();
    },
  },
];
