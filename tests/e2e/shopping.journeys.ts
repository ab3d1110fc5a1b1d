/**
 * The shopping list journey: build a plan through the API, open its shopping list, tick
 * two items, reload (still ticked), tick one offline (queued, synced when back online),
 * download the CSV and check its rows; screenshots at desktop and phone width.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "../csv";
import {
  assert,
  callMutation,
  type Journey,
  open,
  SCREENSHOT_DIR,
  screenshot,
  VIEWPORTS,
} from "./harness";

const SOYMILK = "sr28-16139";
const OATS = "sr28-08120";
const EGG = "sr28-01123";

export const shoppingJourneys: Journey[] = [
  {
    name: "plan → shopping list → tick two items → reload → offline tick syncs → CSV download",
    run: async ({ browser, baseUrl }) => {
      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Café week",
        dayCount: 3,
      })) as { id: string };
      await callMutation(baseUrl, "plans.addEntry", {
        planId,
        day: 1,
        meal: "breakfast",
        foodId: SOYMILK,
        portionId: `${SOYMILK}:1`,
        quantity: 1,
      });
      await callMutation(baseUrl, "plans.copyDay", { planId, fromDay: 1, toDays: [2, 3] });
      await callMutation(baseUrl, "plans.addEntry", {
        planId,
        day: 1,
        meal: "lunch",
        foodId: OATS,
        grams: 80,
      });
      await callMutation(baseUrl, "plans.addEntry", {
        planId,
        day: 2,
        meal: "breakfast",
        foodId: EGG,
        portionId: `${EGG}:1`,
        quantity: 2,
      });
      await callMutation(baseUrl, "shopping.setPreferences", { planId, servings: 2 });
      await callMutation(baseUrl, "shopping.addExtra", { planId, text: "Kitchen roll" });

      const page = await browser.newPage({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
      const url = `${baseUrl}/plans/${planId}/shopping`;
      await open(page, url);
      await page.getByRole("heading", { level: 1, name: "Shopping list: Café week" }).waitFor();
      // 3 days × 1 cup × 2 people = 6 cups = 1,458 g = 1,409 ml: bought as 1.5 L.
      await page.getByText("1.5 L fortified soy milk", { exact: true }).waitFor();
      await page.getByText("4 large eggs (200 g)", { exact: true }).waitFor();
      await page.getByText("160 g rolled oats", { exact: true }).waitFor();

      const soy = page.getByRole("checkbox", { name: /fortified soy milk/ });
      const oats = page.getByRole("checkbox", { name: /rolled oats/ });
      for (const box of [soy, oats]) {
        const saved = page.waitForResponse((response) =>
          response.url().includes("shopping.setChecked"),
        );
        await box.check();
        assert((await saved).ok(), "setChecked failed");
      }
      await open(page, url);
      assert(await soy.isChecked(), "soymilk not ticked after reload");
      assert(await oats.isChecked(), "oats not ticked after reload");

      // Offline: the tick is kept and queued, then saved when the connection returns.
      const egg = page.getByRole("checkbox", { name: /4 large eggs/ });
      await page.context().setOffline(true);
      await egg.check();
      await page.getByText("Saved offline, will sync", { exact: false }).waitFor();
      await page.context().setOffline(false);
      await page
        .getByText("All ticks saved.")
        .waitFor({ timeout: 15_000 })
        .catch(async (error: unknown) => {
          const status = await page.getByRole("status").textContent();
          throw new Error(`offline tick did not sync (status: "${status}"): ${String(error)}`);
        });
      await open(page, url);
      assert(await egg.isChecked(), "offline tick was not synced");

      // "Already have" moves a line aside; one tap brings it back.
      await page.getByRole("button", { name: /Already have rolled oats/ }).click();
      await page.getByRole("button", { name: /Put back on the list: rolled oats/ }).waitFor();

      await screenshot(page, "shopping-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "shopping-phone");
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.getByRole("button", { name: /Put back on the list: rolled oats/ }).click();
      await oats.waitFor();

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download CSV" }).click(),
      ]);
      assert(
        download.suggestedFilename() === "Shopping list - Café week.csv",
        `unexpected file name ${download.suggestedFilename()}`,
      );
      const text = readFileSync(await download.path(), "utf8");
      assert(text.startsWith("\uFEFF"), "CSV has no UTF-8 BOM");
      const rows = parseCsv(text.slice(1));
      assert(
        rows[0]?.join("|") === "Aisle|Item|To buy|Exact grams|Used on|Status|Note|Full name",
        "header",
      );
      const soyRow = rows.find((row) => row[1] === "fortified soy milk");
      assert(soyRow?.[0] === "Drinks", `soymilk aisle: ${soyRow?.[0]}`);
      assert(soyRow?.[2] === "1.5 L", `soymilk quantity: ${soyRow?.[2]}`);
      assert(soyRow?.[3] === "1458", `soymilk grams: ${soyRow?.[3]}`);
      assert(soyRow?.[5] === "ticked", `soymilk status: ${soyRow?.[5]}`);
      const eggRow = rows.find((row) => row[1] === "egg" && row[7] === "Egg, whole, raw, fresh");
      assert(eggRow?.[2] === "4 large (200 g)" && eggRow[5] === "ticked", `egg row: ${eggRow}`);
      assert(
        rows.some((row) => row[0] === "Extras" && row[1] === "Kitchen roll"),
        "extra missing",
      );
      assert(rows.length === 5, `expected header + 3 foods + 1 extra, got ${rows.length} rows`);

      // Print view: the list only, no site navigation or buttons.
      await page.emulateMedia({ media: "print" });
      assert(
        !(await page.getByRole("navigation", { name: "Main" }).isVisible()),
        "site navigation shows in print",
      );
      assert(
        !(await page.getByRole("link", { name: "Download CSV" }).isVisible()),
        "export buttons show in print",
      );
      assert(await soy.isVisible(), "the list is missing from print");
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, "shopping-print.png"),
        fullPage: true,
      });
      await page.close();
    },
  },
];
