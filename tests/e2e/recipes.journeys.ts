/**
 * Recipes in the browser: paste an ingredient list, fix a match through the alternatives,
 * keep an unmatched line as text, save and read B12 per serving; add the recipe to every
 * day of a week and see the plan's totals count it; then shop for it offline (the list
 * opens with the network off, a tick made offline reaches the server when it is back).
 * Screenshots of each page at desktop and phone width.
 */
import {
  assert,
  callMutation,
  callQuery,
  type Journey,
  open,
  screenshot,
  VIEWPORTS,
} from "./harness";

const SOYMILK_UNSWEETENED = "sr28-16222";
const TOFU_NIGARI = "sr28-16126";

const PASTED = [
  "2 cups unsweetened soy milk",
  "1 tbsp nutritional yeast",
  "200 g firm tofu",
  "½ onion, chopped",
  "a pinch of salt",
  "1 sprig of xyzzq",
].join("\n");

/*
 * B12 per serving, by hand (SR28 and the curated label value, per 100 g):
 *   2 cups soy milk = 486 g × 1.11 µg/100 g = 5.3946 µg
 *   1 tbsp nutritional yeast = 5 g × 55 µg/100 g = 2.75 µg
 *   tofu, onion, salt (a pinch: 1/16 tsp, 0.38 g of SR28's 0 µg): 0 µg; "xyzzq" (no food): unknown
 *   8.1446 µg / 2 servings = 4.0723 µg → "at least 4.07 µg"
 */
const PER_SERVING = "at least 4.07 µg";

async function createRecipeThroughThePage(
  browser: Parameters<Journey["run"]>[0]["browser"],
  baseUrl: string,
): Promise<string> {
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  try {
    await open(page, `${baseUrl}/recipes`);
    await page.getByRole("link", { name: "New recipe" }).click();
    await page.getByRole("heading", { level: 1, name: "New recipe" }).waitFor();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

    // Saving without a name puts the message next to the name.
    await page.getByRole("button", { name: "Save recipe" }).click();
    await page.getByText("Give the recipe a name.").waitFor();

    await page.getByLabel("Name", { exact: true }).fill("Tofu scramble");
    await page.getByLabel("Servings (how many it makes)").fill("2");
    await page.getByLabel("Paste the ingredient list").fill(PASTED);
    await page.getByRole("button", { name: "Read the lines" }).click();
    await page.getByText("Read 6 lines; 1 matched no food and is kept as text.").waitFor();
    const rows = page.locator("tr[data-line]");
    await rows.nth(5).waitFor();
    // Every line is kept; the unmatched one says it is not counted.
    const unmatched = rows.filter({ hasText: "1 sprig of xyzzq" });
    await unmatched.getByText("Kept as text, not counted: B12 unknown").waitFor();
    // A pinch is weighed (1/16 teaspoon: 0.38 g, shown to 0.1 g), so salt counts (as 0 µg).
    const saltGrams = page.getByLabel("Grams of “a pinch of salt”");
    await saltGrams.waitFor();
    const saltValue = await saltGrams.inputValue();
    assert(saltValue === "0.4", `a pinch of salt weighed ${saltValue} g, not 0.4`);
    // "½ onion" was read as half an onion.
    await rows.filter({ hasText: "½ onion, chopped" }).getByText("0.5", { exact: true }).waitFor();
    await screenshot(page, "recipe-new-desktop");
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, "recipe-new-phone");
    await page.setViewportSize(VIEWPORTS.desktop);

    // Fix a match: the tofu made with nigari, from the alternatives.
    const tofu = page.getByLabel("Food for “200 g firm tofu”");
    await tofu.selectOption(TOFU_NIGARI);
    await page.waitForFunction(
      (id) => [...document.querySelectorAll("select")].some((select) => select.value === id),
      TOFU_NIGARI,
    );
    const soy = page.getByLabel("Food for “2 cups unsweetened soy milk”");
    assert(
      (await soy.inputValue()) === SOYMILK_UNSWEETENED,
      `soy milk matched ${await soy.inputValue()}`,
    );

    await page.getByRole("button", { name: "Save recipe" }).click();
    await page.waitForURL(/\/recipes\/[^/]+$/);
    await page.getByRole("heading", { level: 1, name: "Tofu scramble" }).waitFor();
    await page.getByText(PER_SERVING, { exact: true }).waitFor();
    // The unknown lines are named; the fixed match is kept.
    await page.getByText(/1 line has no B12 data.*“1 sprig of xyzzq”/).waitFor();
    await page
      .getByRole("link", {
        name: "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)",
      })
      .waitFor();
    // The soy milk and the yeast carry the B12: 5.3946 / 8.1446 = 66%, 2.75 / 8.1446 = 34%.
    const soyRow = page.getByRole("row", { name: /2 cups unsweetened soy milk/ });
    await soyRow.getByRole("img", { name: "Carries B12" }).waitFor();
    await soyRow.getByText("66%").waitFor();
    // Scaling the view to 4 servings doubles the shown amounts (486 g → 972 g).
    await page.getByLabel("Show amounts for").fill("4");
    await soyRow.getByText("972 g").waitFor();
    await page.getByLabel("Show amounts for").fill("2");
    await screenshot(page, "recipe-page-desktop");
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, "recipe-page-phone");
    const recipeId = new URL(page.url()).pathname.split("/").pop() ?? "";
    assert(recipeId, "no recipe id in the URL");

    await open(page, `${baseUrl}/recipes`);
    await page.getByRole("link", { name: "Tofu scramble" }).waitFor();
    await page.getByText("at least 4.07 µg B12 per serving").waitFor();
    await screenshot(page, "recipes-phone");
    await page.setViewportSize(VIEWPORTS.desktop);
    await screenshot(page, "recipes-desktop");
    return decodeURIComponent(recipeId);
  } finally {
    await page.close();
  }
}

export const recipeJourneys: Journey[] = [
  {
    name: "recipes: paste a recipe, fix a match, save; add it to a week; shop for it offline",
    run: async ({ browser, baseUrl }) => {
      const recipeId = await createRecipeThroughThePage(browser, baseUrl);
      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Recipe week",
        dayCount: 7,
      })) as { id: string };

      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      try {
        // Add it to all 7 days from the recipe's page.
        await open(page, `${baseUrl}/recipes/${encodeURIComponent(recipeId)}`);
        await page.getByRole("button", { name: "Add to plan" }).click();
        await page.getByLabel("Plan", { exact: true }).selectOption({ label: "Recipe week" });
        await page.getByLabel("Meal", { exact: true }).selectOption("breakfast");
        await page.getByRole("button", { name: "Every day" }).click();
        await page.getByRole("button", { name: "Add to plan" }).click();
        await page
          .getByText("Added 1 serving of Tofu scramble to Recipe week, breakfast on all 7 days.")
          .waitFor({ timeout: 20_000 });

        // The plan counts it: 4.0723 µg a day from the dish, a lower bound (unknown lines).
        await open(page, `${baseUrl}/plans/${planId}`);
        await page
          .getByRole("heading", {
            name: "▼ This plan looks short of B12 (some foods have no B12 data)",
          })
          .or(page.getByRole("heading", { name: "✓ This plan gives enough B12" }))
          .waitFor();
        await page.getByText("4.07 µg or more", { exact: true }).first().waitFor();
        const dish = page.locator("[data-dish='Tofu scramble']");
        await dish.getByText("Tofu scramble · 1 serving").waitFor();
        await dish.getByRole("button", { name: /show its ingredients/ }).click();
        await dish.getByText("B12 unknown").first().waitFor();
        const totals = (await callQuery(baseUrl, "plans.totals", { planId })) as {
          days: { b12Micrograms: number; complete: boolean }[];
        };
        assert(totals.days.length === 7, `${totals.days.length} days`);
        for (const day of totals.days) {
          assert(
            Math.abs(day.b12Micrograms - 4.0723) < 1e-6 && !day.complete,
            `a day counts ${day.b12Micrograms} µg (complete: ${day.complete}), not 4.0723 or more`,
          );
        }
        // Change the servings of day 1's dish: 1.5 servings = 6.10845 µg.
        await dish.getByRole("button", { name: "Change servings of Tofu scramble" }).click();
        await dish.getByLabel("Servings of Tofu scramble").fill("1.5");
        await dish.getByRole("button", { name: "Save servings" }).click();
        await dish.getByText("Tofu scramble · 1.5 servings").waitFor();
        await dish.getByText("6.11 µg or more").waitFor();
        await screenshot(page, "plan-dish-desktop");
        await page.setViewportSize(VIEWPORTS.phone);
        await screenshot(page, "plan-dish-phone");
      } finally {
        await page.close();
      }

      // Shop for it offline: the list opens with no network, a tick waits and then syncs.
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const shop = await context.newPage();
        const url = `${baseUrl}/plans/${planId}/shopping`;
        await open(shop, url);
        await shop.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        await open(shop, url);
        await shop.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
          timeout: 15_000,
        });
        await open(shop, url);
        const soyLine = shop.getByRole("checkbox", { name: /soy ?milk/i });
        await soyLine.waitFor();
        await screenshot(shop, "shopping-recipe-phone");

        await context.setOffline(true);
        const offline = await shop.goto(url);
        assert(offline?.fromServiceWorker(), "offline page did not come from the worker");
        await shop.locator("html[data-hydrated]").waitFor({ state: "attached" });
        await shop.getByRole("heading", { level: 1, name: "Shopping list: Recipe week" }).waitFor();
        // "Used on" names the dish.
        await shop.getByText("Details").first().click();
        await shop
          .getByText(/Tofu scramble/)
          .first()
          .waitFor();
        await soyLine.check();
        await shop.getByText("Saved offline, will sync", { exact: false }).waitFor();

        await context.setOffline(false);
        await shop.getByText("All ticks saved.").waitFor({ timeout: 20_000 });
        const list = (await callQuery(baseUrl, "shopping.list", { planId })) as {
          aisles: { lines: { name: string; checked: boolean }[] }[];
        };
        const line = list.aisles
          .flatMap((group) => group.lines)
          .find((item) => /soymilk/i.test(item.name));
        assert(line?.checked === true, "the offline tick did not reach the server");
      } finally {
        await context.close();
      }
    },
  },
];
