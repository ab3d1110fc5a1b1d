/**
 * The plan journey: set a vegan profile, build a 3-day plan by searching and adding
 * foods, change an amount, copy a day, and see the totals and the chart update.
 */
import type { Page } from "playwright-core";
import { assert, type Journey, open, screenshot, showCharts, VIEWPORTS } from "./harness";

const SOYMILK = "Soymilk, original and vanilla, with added calcium, vitamins A and D";

async function addFood(
  page: Page,
  meal: string,
  query: string,
  foodName: string,
  amount?: { value: string; unit?: string },
) {
  const section = page.getByRole("region", { name: meal, exact: true });
  await section.getByRole("button", { name: `Add food to ${meal.toLowerCase()}` }).click();
  await section.getByLabel(`Find a food to add to ${meal.toLowerCase()}`).fill(query);
  await section
    .getByRole("button", { name: new RegExp(`^${foodName.replace(/[()]/g, "\\$&")}`) })
    .first()
    .click();
  if (amount) {
    if (amount.unit) await section.getByLabel("Unit").selectOption({ label: amount.unit });
    await section.getByLabel(/How many|Grams/).fill(amount.value);
  }
  await section.getByRole("button", { name: `Add to ${meal.toLowerCase()}` }).click();
  await section.getByRole("link", { name: foodName, exact: true }).first().waitFor();
}

export const planJourneys: Journey[] = [
  {
    name: "vegan profile → 3-day plan → add foods → change an amount → copy a day → totals and chart",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/profile`);
      await page.getByLabel("Age", { exact: true }).fill("34");
      await page.getByLabel("Female").check();
      await page.getByLabel("Vegan").check();
      await page.getByLabel(/US NIH\/IOM/).check();
      await page.getByRole("button", { name: "Save profile" }).click();
      await page.getByText("Saved.").waitFor();
      assert(await page.getByText("2.4 µg a day").isVisible(), "target 2.4 µg not shown");
      await screenshot(page, "profile-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "profile-phone");
      await page.setViewportSize(VIEWPORTS.desktop);

      await open(page, `${baseUrl}/plans`);
      await page.getByLabel("Name").fill("Vegan test plan");
      await page.getByLabel("Days").selectOption("3");
      await page.getByLabel("Starts on (optional)").fill("2026-12-07");
      await page.getByRole("button", { name: "Create plan" }).click();
      await page.getByRole("heading", { level: 1, name: "Vegan test plan" }).waitFor();
      await page.getByRole("tab", { name: /Mon 7 Dec/ }).waitFor();

      // 1 cup of fortified soymilk: 0.85 µg/100 g × 243 g = 2.07 µg (SR28 16139).
      await addFood(page, "Breakfast", "soy milk", SOYMILK);
      const breakfast = page.getByRole("region", { name: "Breakfast", exact: true });
      await breakfast.getByText("2.07 µg", { exact: true }).first().waitFor();
      // A food with no B12 value in SR28 (Medjool dates, vegan) makes the day a lower bound.
      await addFood(page, "Lunch", "medjool", "Dates, medjool", { value: "30", unit: "grams" });
      await page
        .getByText("1 of 2 items has no B12 data; the total is a lower bound.")
        .first()
        .waitFor();

      // Change the soymilk to 2 cups: 4.13 µg.
      await breakfast.getByRole("button", { name: /Change amount/ }).click();
      await breakfast.getByLabel("How many").fill("2");
      // Timed inside the page: from the click to the new total in the DOM. A figure, not
      // a pass/fail (recorded in bench/results.md).
      const editMilliseconds = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const section = [...document.querySelectorAll("section.meal")].find((element) =>
              element.querySelector("h3")?.textContent?.includes("Breakfast"),
            );
            const button = [...(section?.querySelectorAll("button") ?? [])].find(
              (element) => element.textContent === "Save amount",
            );
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (section?.querySelector(".meal-total")?.textContent?.startsWith("4.13")) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(document.body, {
              subtree: true,
              childList: true,
              characterData: true,
            });
            button?.click();
          }),
      );
      console.log(
        `    edit → new total on screen: ${Math.round(editMilliseconds)} ms (in the browser)`,
      );
      await breakfast.getByText("4.13 µg", { exact: true }).first().waitFor();
      const tab1 = await page.getByRole("tab", { name: /Mon 7 Dec/ }).innerText();
      // 4.13 µg, all at breakfast: enough eaten, but one sitting (the verdict says short).
      assert(/4\.13 µg\*/.test(tab1) && /▼ short/.test(tab1), `day tab reads "${tab1}"`);
      const tab2Before = await page.getByRole("tab", { name: /Tue 8 Dec/ }).innerText();
      assert(
        /0 µg/.test(tab2Before) && /▼ short/.test(tab2Before),
        `empty day tab reads "${tab2Before}"`,
      );

      // Copy day 1 to days 2 and 3.
      await page.getByRole("button", { name: "Copy this day to other days…" }).click();
      await page.getByRole("checkbox", { name: "Tue 8 Dec" }).check();
      await page.getByRole("checkbox", { name: "Wed 9 Dec" }).check();
      await page.getByRole("button", { name: "Copy to 2 days" }).click();
      await page.getByRole("tab", { name: /Wed 9 Dec.*4\.13 µg/ }).waitFor();

      // The chart's table view lists the three days with their totals.
      await showCharts(page);
      const showTable = page.getByRole("button", { name: "Show as table" }).first();
      await showTable.click();
      const table = page.getByRole("table").first();
      await table.getByRole("row").filter({ hasText: "Wed 9 Dec" }).waitFor();
      const rowText = await table.getByRole("row").filter({ hasText: "Wed 9 Dec" }).innerText();
      assert(rowText.includes("4.13"), `chart table row reads "${rowText}"`);
      await showTable.click();
      await page.locator(".recharts-surface").first().waitFor();
      await screenshot(page, "plan-editor-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "plan-editor-phone");

      await open(page, `${baseUrl}/plans`);
      await page.getByRole("link", { name: "Vegan test plan" }).first().waitFor();
      // 2 entries on day 1, copied to days 2 and 3.
      await page.getByText("3 days, from Mon 7 Dec · 6 items").waitFor();
      await screenshot(page, "plans-phone");
      await page.setViewportSize(VIEWPORTS.desktop);
      await screenshot(page, "plans-desktop");

      // Opened afresh, the plan page brings day 1's foods only; choosing another day fetches
      // the whole plan, and that day's foods appear.
      await page.getByRole("link", { name: "Vegan test plan" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Vegan test plan" }).waitFor();
      await page.getByRole("tab", { name: /Wed 9 Dec/ }).click();
      const dayThree = page.getByRole("tabpanel");
      await dayThree
        .getByRole("region", { name: "Breakfast", exact: true })
        .getByRole("link", { name: SOYMILK, exact: true })
        .waitFor();
      await dayThree
        .getByRole("region", { name: "Lunch", exact: true })
        .getByRole("link", { name: "Dates, medjool", exact: true })
        .waitFor();
      await open(page, `${baseUrl}/`);
      await page.getByRole("heading", { name: /Current plan/ }).waitFor();
      await screenshot(page, "dashboard-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "dashboard-phone");
      await page.close();
    },
  },
];
