/**
 * The B12-science journey: a vegan 7-day plan without fortified foods shows the shortfall
 * in both views, offers fortified foods and the Vegan Society's regimens; adding the
 * weekly 2,000 µg supplement closes the absorbed gap in the chart. The supplement form is
 * used by hand too (add, see it in the day, remove).
 */
import {
  assert,
  callMutation,
  type Journey,
  open,
  screenshot,
  showCharts,
  VIEWPORTS,
} from "./harness";

const BANANA = "sr28-09040";
const WHOLE_WHEAT_BREAD = "sr28-18075";

export const absorptionJourneys: Journey[] = [
  {
    name: "vegan week without fortified foods → shortfall → suggestions → weekly 2,000 µg closes it",
    run: async ({ browser, baseUrl }) => {
      await callMutation(baseUrl, "profile.update", {
        ageYears: 29,
        sex: "male",
        diet: "vegan",
        standard: "nih",
      });
      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Plain vegan week",
        dayCount: 7,
        startDate: "2026-11-30",
      })) as { id: string };
      await callMutation(baseUrl, "plans.addToDays", {
        planId,
        foodId: BANANA,
        meals: ["breakfast"],
        grams: 120,
      });
      await callMutation(baseUrl, "plans.addToDays", {
        planId,
        foodId: WHOLE_WHEAT_BREAD,
        meals: ["lunch", "dinner"],
        grams: 60,
      });

      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/plans/${planId}`);
      const suggestions = page.getByRole("region", { name: "Suggestions" });
      await suggestions
        .getByText(/▼ This plan is short of B12: about 1\.28 µg of absorbed B12 a day/)
        .waitFor();
      const verdict = page.getByRole("region", { name: "▼ This plan is short of B12" });
      await verdict.getByText(/about 1\.28 µg needed/).waitFor();
      await suggestions.getByRole("heading", { name: "Foods that would make it enough" }).waitFor();
      const foodLinks = suggestions.locator(".suggestion-list").first().getByRole("link");
      assert((await foodLinks.count()) >= 3, "fewer than three foods suggested");
      const names = await foodLinks.allTextContents();
      assert(
        names.some((name) => /fortified|cereals ready-to-eat/i.test(name)),
        `no fortified food among the suggestions: ${names.join("; ")}`,
      );
      for (const title of [
        "10 µg every day",
        "2,000 µg once a week",
        "Fortified foods at least twice a day",
      ]) {
        await suggestions.getByText(title, { exact: true }).waitFor();
      }
      await showCharts(page);
      const chart = page.locator(".chart-card").first();
      await chart.getByText(/\(absorbed target 1\.28 µg\): the plan is short/).waitFor();
      await screenshot(page, "absorption-short-desktop");

      await suggestions.getByRole("button", { name: "Add to plan: 2,000 µg once a week" }).click();
      await suggestions.getByText(/✓ This plan gives enough B12/).waitFor();
      await page.getByRole("region", { name: "✓ This plan gives enough B12" }).waitFor();
      await chart.getByText(/\(absorbed target 1\.28 µg\): the plan gives enough/).waitFor();
      const label = await chart.locator('[role="img"]').getAttribute("aria-label");
      assert(
        label?.includes("supplements on") && label.includes("the plan gives enough B12"),
        `chart text alternative does not say the gap is closed: ${label}`,
      );
      const supplements = page.getByRole("region", { name: "Supplements", exact: true });
      await supplements.getByText("2,000 µg").waitFor();
      await supplements.getByText(/Once a week \(day 1, 8, 15 …\), on its own/).waitFor();
      await screenshot(page, "absorption-met-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "absorption-met-phone");
      await page.setViewportSize(VIEWPORTS.desktop);

      // The form by hand: 25 µg with breakfast every day, seen in breakfast, then removed.
      await supplements.getByRole("button", { name: "Add a supplement" }).click();
      await supplements.getByLabel("Dose").selectOption("25");
      await supplements.getByLabel("Every day").check();
      await supplements.getByLabel("Taken").selectOption("breakfast");
      await supplements.getByRole("button", { name: "Add supplement" }).click();
      await supplements.getByText("Daily, with breakfast").waitFor();
      const breakfast = page.getByRole("region", { name: "Breakfast", exact: true });
      await breakfast.getByText("+ 25 µg supplement").waitFor();
      await supplements.getByRole("button", { name: "Remove the 25 µg supplement" }).click();
      await supplements.getByText("Daily, with breakfast").waitFor({ state: "detached" });
      assert(
        !(await breakfast.getByText("+ 25 µg supplement").isVisible()),
        "the removed supplement still shows at breakfast",
      );
      // "How this is estimated" leads to the part of /learn that explains the model.
      const href = await page
        .getByRole("link", { name: "How this is judged" })
        .getAttribute("href");
      if (!href?.startsWith("/learn#")) throw new Error(`learn link: ${href}`);
      await open(page, `${baseUrl}${href}`);
      const anchor = href.slice(href.indexOf("#"));
      assert((await page.locator(anchor).count()) === 1, `/learn has no ${anchor}`);
      await page.close();
    },
  },
];
