/**
 * Plan editor responsiveness in Chromium on a full plan (28 days × 4 meals × 8 entries =
 * 896 entries): time from clicking "Save amount" to the entry's new amount (and totals, rendered from the
 * same response) in the DOM,
 * measured inside the page. Target (issue 3): edits show within 100 ms on this machine.
 * Needs `npm run build` first.
 */
import {
  createFirstAccount,
  launchBrowser,
  open,
  showCharts,
  signedIn,
  startApp,
} from "../tests/e2e/harness";
import { createFullMonthPlan } from "./http";
import { printTable, type Row, summarise } from "./stats";

export async function benchEditor(edits = 15): Promise<Row[]> {
  const app = await startApp();
  await createFirstAccount(app.baseUrl);
  const browser = signedIn(await launchBrowser(), app.baseUrl);
  try {
    const planId = await createFullMonthPlan(app.baseUrl, () => 100);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("crash", () => console.error("page crashed"));
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await open(page, `${app.baseUrl}/plans/${planId}`);
    await showCharts(page);
    await page.locator(".recharts-surface").first().waitFor();
    const samples: number[] = [];
    for (let edit = 0; edit < edits; edit += 1) {
      const grams = String(101 + edit);
      const breakfast = page.getByRole("region", { name: "Breakfast", exact: true });
      await breakfast
        .getByRole("button", { name: /Change amount/ })
        .first()
        .click();
      await breakfast
        .getByLabel(/Grams|How many/)
        .first()
        .fill(grams);
      await breakfast.getByLabel("Unit").first().selectOption("grams");
      await breakfast
        .getByLabel(/Grams|How many/)
        .first()
        .fill(grams);
      // In the page: the click's time (capture listener) and the time the meal total
      // changes (MutationObserver); Playwright only clicks and then reads the two stamps.
      await page.evaluate(() => {
        const state = window as unknown as { editStart?: number; editEnd?: number };
        state.editStart = undefined;
        state.editEnd = undefined;
        const section = [...document.querySelectorAll("section.meal")].find((element) =>
          element.querySelector("h3")?.textContent?.includes("Breakfast"),
        );
        // The edited entry's amount: the meal total can round to the same figure. (No named
        // functions in here: the bundler's name helper does not exist in the page.)
        const previous = section?.querySelector(".entry-amount")?.textContent ?? "";
        document.addEventListener(
          "click",
          () => {
            state.editStart = performance.now();
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          if ((section?.querySelector(".entry-amount")?.textContent ?? "") !== previous) {
            state.editEnd = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await breakfast.getByRole("button", { name: "Save amount" }).click();
      await page.waitForFunction(
        () => (window as unknown as { editEnd?: number }).editEnd !== undefined,
      );
      samples.push(
        await page.evaluate(() => {
          const state = window as unknown as { editStart: number; editEnd: number };
          return state.editEnd - state.editStart;
        }),
      );
    }
    const stats = summarise(samples.slice(2)); // the first edits warm caches and JIT
    return [
      {
        plan: "28 days, 896 entries",
        edits: stats.n,
        "p50 ms": stats.p50,
        "p95 ms": stats.p95,
        "max ms": stats.max,
      },
    ];
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (process.argv[1]?.endsWith("editor.bench.ts")) {
  benchEditor().then(
    (rows) =>
      printTable("Plan editor: edit → new total on screen, in Chromium (target < 100 ms)", rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
