/**
 * The main journey with the keyboard alone: profile → create a plan → add a food → see
 * the totals → shopping list → tick a line → download the CSV, pressing only Tab / Shift+Tab, Enter, Space, arrow keys and typing
 * (page.keyboard). The page is only read (which element has focus, what the page says),
 * never clicked, so a control that cannot be reached or worked from the keyboard fails
 * the journey. Each step also bounds how many Tab presses it may take, so focus that is
 * lost (sent back to the top of the page) shows up as a failure, not just a slow walk.
 * This journey found two such losses in the plan editor, now fixed: choosing a food in
 * the add-food results, and adding it, both left focus on <body>.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assert, type Journey, open, screenshot, VIEWPORTS } from "./harness";

const SOYMILK = "Soymilk, original and vanilla, with added calcium, vitamins A and D";

/** "tag|type|name|accessible text" of the focused element, for matching. */
async function focused(page: Page): Promise<string> {
  // No named functions in here: the bundler's name helper does not exist in the page.
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element || element === document.body) return "body";
    const labelled = element.labels && element.labels.length > 0 ? element.labels[0] : null;
    const text =
      element.getAttribute("aria-label") ?? labelled?.textContent ?? element.textContent ?? "";
    return [
      element.tagName.toLowerCase(),
      element.getAttribute("type") ?? "",
      element.getAttribute("name") ?? "",
      text.replace(/\s+/g, " ").trim(),
    ].join("|");
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; at most `limit` times. */
async function tabTo(
  page: Page,
  pattern: RegExp,
  options: { limit?: number; backwards?: boolean } = {},
): Promise<void> {
  const limit = options.limit ?? 40;
  const seen: string[] = [];
  for (let presses = 0; presses <= limit; presses += 1) {
    const current = await focused(page);
    if (pattern.test(current)) return;
    seen.push(current);
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(
    `keyboard: ${pattern} not reached in ${limit} Tab presses; focus went:\n      ${seen.join("\n      ")}`,
  );
}

/** In a focused radio group, arrows move the selection until the focused radio matches. */
async function arrowTo(page: Page, pattern: RegExp, limit = 10): Promise<void> {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (pattern.test(await focused(page))) {
      await page.keyboard.press("Space");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`keyboard: no radio matching ${pattern} in ${limit} arrow presses`);
}

async function checked(page: Page, label: string): Promise<boolean> {
  return page.getByLabel(label, { exact: true }).isChecked();
}

export const keyboardJourneys: Journey[] = [
  {
    name: "keyboard only: profile → create a plan → add a food → totals → shopping list → CSV",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/profile`);

      await tabTo(page, /^input\|text\|[^|]*\|Age$/);
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("34");
      await page.keyboard.press("Tab");
      // Tab enters each radio group at its selected option; arrows choose within it.
      await tabTo(page, /^input\|radio\|[^|]*-sex\|/, { limit: 5 });
      await arrowTo(page, /\|Female$/);
      await tabTo(page, /^input\|radio\|[^|]*-diet\|/, { limit: 5 });
      await arrowTo(page, /\|Vegan/);
      await tabTo(page, /^input\|radio\|[^|]*-standard\|/, { limit: 5 });
      await arrowTo(page, /\|US NIH\/IOM/);
      assert(await checked(page, "Female"), "Female not chosen by keyboard");
      assert(await checked(page, "Vegan"), "Vegan not chosen by keyboard");
      await tabTo(page, /^button\|submit\|[^|]*\|Save profile$/, { limit: 20 });
      await page.keyboard.press("Enter");
      await page.getByText("Saved.").waitFor();
      assert(await page.getByText("2.4 µg a day").isVisible(), "target 2.4 µg not shown");

      // To the plans page through the site navigation, by keyboard.
      await tabTo(page, /^a\|\|[^|]*\|Plans$/, { limit: 40, backwards: true });
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: /plans/i }).waitFor();
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

      await tabTo(page, /^input\|text\|[^|]*\|Name$|^input\|\|[^|]*\|Name$/);
      await page.keyboard.type("Keyboard plan");
      await tabTo(page, /^select\|\|[^|]*\|Days$/, { limit: 3 });
      // A closed select takes type-ahead: "3" picks "3 days".
      await page.keyboard.type("3");
      assert(
        (await page.getByLabel("Days").inputValue()) === "3",
        "Days select did not take the keyboard",
      );
      await tabTo(page, /^button\|submit\|[^|]*\|Create plan$/, { limit: 5 });
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Keyboard plan" }).waitFor();
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

      // The day tabs: arrows move between days (roving focus), as in the ARIA tabs pattern.
      await tabTo(page, /^button\|[^|]*\|[^|]*\|Day 1/, { limit: 40 });
      await page.keyboard.press("ArrowRight");
      assert(/Day 2/.test(await focused(page)), "ArrowRight did not move to day 2");
      const dayTwo = page.getByRole("tab", { name: /Day 2/ });
      assert((await dayTwo.getAttribute("aria-selected")) === "true", "day 2 not selected");
      await page.keyboard.press("ArrowLeft");
      assert(
        (await page.getByRole("tab", { name: /Day 1/ }).getAttribute("aria-selected")) === "true",
        "ArrowLeft did not go back to day 1",
      );

      await tabTo(page, /^button\|[^|]*\|[^|]*\|Add food to breakfast$/, { limit: 30 });
      await page.keyboard.press("Enter");
      // The search field takes focus itself: type straight away.
      assert(
        /Find a food to add to breakfast/.test(await focused(page)),
        `focus after "Add food": ${await focused(page)}`,
      );
      await page.keyboard.type("soy milk");
      const results = page.getByRole("list", { name: "Foods to add" });
      await results
        .getByRole("button", { name: new RegExp(`^${SOYMILK}`) })
        .first()
        .waitFor();
      await tabTo(page, new RegExp(`^button\\|button\\|[^|]*\\|${SOYMILK}`), { limit: 24 });
      await page.keyboard.press("Enter");
      // The amount form replaces the results (and the button that had focus): focus moves
      // to its amount, so the keyboard does not fall back to the top of the page.
      assert(
        /^input\|text\|[^|]*\|How many$/.test(await focused(page)),
        `focus after choosing a food: ${await focused(page)}`,
      );
      await tabTo(page, /^button\|submit\|[^|]*\|Add to breakfast$/, { limit: 3 });
      await page.keyboard.press("Enter");

      const breakfast = page.getByRole("region", { name: "Breakfast", exact: true });
      await breakfast.getByRole("link", { name: SOYMILK, exact: true }).first().waitFor();
      // 1 cup of fortified soymilk: 0.85 µg/100 g × 243 g = 2.07 µg (SR28 16139).
      await breakfast.getByText("2.07 µg", { exact: true }).first().waitFor();
      // Focus returns to the button that opened the panel, ready for the next food.
      assert(
        /Add food to breakfast$/.test(await focused(page)),
        `focus after adding: ${await focused(page)}`,
      );
      const tab = await page.getByRole("tab", { name: /Day 1/ }).innerText();
      assert(/2\.07 µg/.test(tab), `day 1 tab reads "${tab}"`);
      // Focus is visible where the keyboard left it (the global :focus-visible outline).
      const outline = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return "none";
        return getComputedStyle(element).outlineStyle;
      });
      assert(outline !== "none", `no visible focus outline (${outline}) on ${await focused(page)}`);
      await screenshot(page, "keyboard-plan-desktop");

      // On to the shopping list (the link under the plan's name), tick the soymilk with
      // Space, and download the CSV with Enter.
      await tabTo(page, /^a\|[^|]*\|[^|]*\|Shopping list$/, { limit: 60, backwards: true });
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: /Shopping list/ }).waitFor();
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      // The line reads as in a shop ("250 ml fortified soy milk"); the CSV keeps the full name.
      await tabTo(page, /^input\|checkbox\|[^|]*\|.*fortified soy milk/, {
        limit: 40,
      });
      await page.keyboard.press("Space");
      assert(
        await page
          .getByRole("checkbox", { name: /fortified soy milk/ })
          .first()
          .isChecked(),
        "Space did not tick the line",
      );
      await tabTo(page, /^a\|[^|]*\|[^|]*\|Download CSV$/, { limit: 40, backwards: true });
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.keyboard.press("Enter"),
      ]);
      const csv = readFileSync(await download.path(), "utf8");
      assert(csv.includes("Soymilk, original and vanilla"), "the CSV lacks the soymilk row");
      assert(/ticked/.test(csv), "the CSV does not show the tick");
      await screenshot(page, "keyboard-shopping-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "keyboard-shopping-phone");
      await page.close();
    },
  },
];
