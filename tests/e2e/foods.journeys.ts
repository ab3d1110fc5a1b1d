/** Journeys on the foods pages: search with filters, food details, custom foods from labels. */
import { assert, type Journey, open, screenshot, VIEWPORTS } from "./harness";

const FORTIFIED_SOYMILK = "Soymilk, original and vanilla, with added calcium, vitamins A and D";

export const foodJourneys: Journey[] = [
  {
    name: "search 'soy milk', filter vegan + fortified, open a result and see its B12 per cup",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/foods`);
      await page.getByLabel("Search foods").fill("soy milk");
      await page.getByLabel("Diet").selectOption("vegan");
      await page.getByLabel("B12-fortified only").check();
      const results = page.getByRole("list", { name: "Search results" });
      await results.getByRole("link", { name: FORTIFIED_SOYMILK, exact: true }).waitFor();
      // The soy milk is listed with the vegan filter alone too: wait (retrying) until the
      // list is the one with both filters, then check every result's badges.
      await page
        .waitForFunction(
          () => {
            const all = [...document.querySelectorAll('[aria-label="Search results"] .badges')];
            return (
              all.length > 0 &&
              all.every((el) => {
                const text = (el as HTMLElement).innerText;
                return text.includes("Vegan") && text.includes("B12 fortified");
              })
            );
          },
          undefined,
          { timeout: 10_000 },
        )
        .catch(() => {});
      for (const badges of await results.locator(".badges").all()) {
        const text = await badges.innerText();
        assert(
          text.includes("Vegan") && text.includes("B12 fortified"),
          `a result is not vegan + fortified: ${text}`,
        );
      }
      assert(
        page.url().includes("diet=vegan") && page.url().includes("fortified=1"),
        "filters are not in the URL",
      );
      await screenshot(page, "foods-search-desktop");

      await results.getByRole("link", { name: FORTIFIED_SOYMILK, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: FORTIFIED_SOYMILK }).waitFor();
      const cupRow = page.getByRole("row").filter({ hasText: /^1 cup/ });
      const cupText = await cupRow.innerText();
      // 0.85 µg per 100 g × 243 g = 2.07 µg (SR28 16139).
      assert(/243 g/.test(cupText) && /2\.07 µg/.test(cupText), `cup row reads "${cupText}"`);
      assert(await page.getByText("NDB number").isVisible(), "no SR28 source shown");
      await screenshot(page, "food-detail-desktop");

      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "food-detail-phone");
      await page.goBack();
      await results.getByRole("link", { name: FORTIFIED_SOYMILK, exact: true }).waitFor();
      await screenshot(page, "foods-search-phone");
      await page.close();
    },
  },
  {
    name: "shows 'B12 unknown' for a food SR28 has no B12 value for",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/foods?q=01188`);
      const results = page.getByRole("list", { name: "Search results" });
      await results.getByText("B12 unknown").waitFor();
      await results.getByRole("link").first().click();
      await page.getByText("USDA SR28 has no B12 value for this food").waitFor();
      await page.close();
    },
  },
  {
    name: "create a custom food from a label in %DV, find it in search, edit and delete it",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.phone });
      await open(page, `${baseUrl}/foods/new`);
      await screenshot(page, "food-new-phone");
      await page.getByRole("button", { name: "Add food" }).click();
      await page.getByText("Enter the product’s name.").waitFor();

      await page.getByLabel("Name").fill("Marigold oat drink, fortified");
      await page.getByLabel("Serving size (g)").fill("240");
      await page.getByLabel("As a percentage (% DV, %NRV or %RI)").check();
      await page.getByLabel("B12 per serving (%)").fill("50");
      await page.getByLabel("US label, adults and children 4+ (Daily Value 2.4 µg)").check();
      // 50% × 2.4 µg = 1.2 µg per 240 g serving = 0.5 µg per 100 g (computed by the server).
      await page.getByText("That is 1.2 µg per serving, 0.5 µg per 100 g.").waitFor();
      await page.setViewportSize(VIEWPORTS.desktop);
      await screenshot(page, "food-new-desktop");
      await page.getByRole("button", { name: "Add food" }).click();

      await page
        .getByRole("heading", { level: 1, name: "Marigold oat drink, fortified" })
        .waitFor();
      const servingRow = await page
        .getByRole("row")
        .filter({ hasText: /^1 serving/ })
        .innerText();
      assert(
        /240 g/.test(servingRow) && /1\.2 µg/.test(servingRow),
        `serving row reads "${servingRow}"`,
      );
      await screenshot(page, "food-custom-desktop");

      await open(page, `${baseUrl}/foods`);
      await page.getByLabel("Search foods").fill("marigold");
      await page.getByLabel("Diet").selectOption("vegan");
      await page.getByLabel("B12-fortified only").check();
      const link = page
        .getByRole("list", { name: "Search results" })
        .getByRole("link", { name: "Marigold oat drink, fortified" });
      await link.waitFor();
      await link.click();

      await page.getByRole("link", { name: "Edit this food" }).click();
      await page.getByLabel("Name").fill("Marigold oat drink (new recipe)");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page
        .getByRole("heading", { level: 1, name: "Marigold oat drink (new recipe)" })
        .waitFor();

      await page.getByRole("button", { name: "Delete…" }).click();
      await page.getByRole("button", { name: "Yes, delete it" }).click();
      await page.waitForURL(`${baseUrl}/foods`);
      await page.getByLabel("Search foods").fill("marigold");
      await page.getByText("No foods match").waitFor();
      await page.close();
    },
  },
  {
    name: "corrects a food's diet and can undo it",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/foods/sr28-19300`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByRole("button", { name: "Correct the diet" }).click();
      await page.getByLabel("Contains meat or fish").check();
      await page.getByLabel("Why (optional)").fill("checked the packet");
      await page.getByRole("button", { name: "Save correction" }).click();
      await page.getByText("corrected by you: checked the packet").waitFor();
      const undo = page.getByRole("button", { name: /Undo my correction/ });
      await undo.click();
      await undo.waitFor({ state: "detached" });
      assert(
        (await page.getByText("Diet corrected by you").count()) === 0,
        "correction badge still shown after undo",
      );
      await page.close();
    },
  },
  {
    name: "home page renders at desktop and phone width",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await screenshot(page, "home-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "home-phone");
      const missing = await page.goto(`${baseUrl}/foods/sr28-99999`);
      assert(missing?.status() === 404, `unknown food gives ${missing?.status()}, not 404`);
      await page.close();
    },
  },
];
