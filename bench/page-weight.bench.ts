/**
 * Page weight: the JavaScript each page loads, gzipped, measured in Chromium against the
 * production build (Next 16's build no longer prints first-load sizes). Lazily loaded
 * chunks (the Recharts charts) are counted separately: they load after the page is usable.
 * Target (issue 3 / 6): the plan page under 200 KiB of JS before the charts.
 * Needs `npm run build` first.
 */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import {
  callMutation,
  createFirstAccount,
  launchBrowser,
  showCharts,
  signedIn,
  startApp,
} from "../tests/e2e/harness";
import { printTable, type Row } from "./stats";

/** Scripts named in the server's HTML load with the page; any other script came later (lazy). */
async function measure(page: Page, url: string, settle: () => Promise<void>) {
  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(new URL(response.url()).pathname, gzipSync(await response.body()).length);
    } catch {
      // a script that failed to load counts for nothing
    }
  });
  const response = await page.goto(url);
  const html = (await response?.text()) ?? "";
  await page.waitForLoadState("networkidle");
  await settle();
  await page.waitForLoadState("networkidle");
  let initial = 0;
  let lazy = 0;
  let files = 0;
  for (const [pathname, gzip] of scripts) {
    if (html.includes(pathname)) {
      initial += gzip;
      files += 1;
    } else lazy += gzip;
  }
  return { files, initialKiB: initial / 1024, lateKiB: lazy / 1024 };
}

export async function benchPageWeight(): Promise<Row[]> {
  const app = await startApp();
  await createFirstAccount(app.baseUrl);
  const browser = signedIn(await launchBrowser(), app.baseUrl);
  try {
    const { id } = (await callMutation(app.baseUrl, "plans.create", {
      name: "Weight",
      dayCount: 7,
    })) as {
      id: string;
    };
    await callMutation(app.baseUrl, "plans.addEntry", {
      planId: id,
      day: 1,
      meal: "breakfast",
      foodId: "sr28-16139",
      grams: 243,
    });
    const pages: [string, string, (page: Page) => Promise<void>][] = [
      ["/", "/", async () => {}],
      ["/foods", "/foods?q=soy+milk", async () => {}],
      ["/foods/[id]", "/foods/sr28-16139", async () => {}],
      ["/profile", "/profile", async () => {}],
      ["/plans", "/plans", async () => {}],
      [
        "/plans/[planId]",
        `/plans/${id}`,
        async (page) => {
          await showCharts(page);
          await page.locator(".recharts-surface").first().waitFor();
        },
      ],
    ];
    const rows: Row[] = [];
    for (const [name, url, settle] of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const result = await measure(page, `${app.baseUrl}${url}`, () => settle(page));
      rows.push({
        page: name,
        "JS files": result.files,
        "JS gzip KiB": result.initialKiB,
        "lazy JS gzip KiB": result.lateKiB,
      });
      await context.close();
    }
    return rows;
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (process.argv[1]?.endsWith("page-weight.bench.ts")) {
  benchPageWeight().then(
    (rows) =>
      printTable("JavaScript per page, gzipped (target: plan page < 200 KiB before charts)", rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
