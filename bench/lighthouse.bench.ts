/**
 * Lighthouse (performance, accessibility, best practices) in Debian's Chromium against
 * the production build, for `/`, `/foods`, `/plans/[id]` and `/plans/[id]/shopping`.
 * Targets (issue 6): performance 90+, accessibility 95+, best practices 95+.
 * Needs `npm run build`. Lighthouse simulates a slow phone (4× CPU slowdown, slow 4G):
 * run it on an otherwise idle machine, the CPU slowdown multiplies any other load.
 * Lighthouse runs as its own plain Node process (its CLI): under tsx, the functions it
 * sends into the page would carry esbuild's `__name` helper, which the page lacks.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CHROMIUM_PATH, callMutation, createFirstAccount, startApp } from "../tests/e2e/harness";
import { printTable, type Row } from "./stats";

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const run = promisify(execFile);

type Report = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
};

async function lighthouse(url: string, outputPath: string, cookie: string): Promise<Report> {
  await run(
    process.execPath,
    [
      path.join("node_modules", "lighthouse", "cli", "index.js"),
      url,
      `--chrome-path=${CHROMIUM_PATH}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      `--only-categories=${CATEGORIES.join(",")}`,
      // Signed in: without the session cookie every page is the sign-in page.
      `--extra-headers=${JSON.stringify({ cookie })}`,
      "--output=json",
      `--output-path=${outputPath}`,
      "--quiet",
    ],
    { timeout: 180_000 },
  );
  return JSON.parse(readFileSync(outputPath, "utf8")) as Report;
}

/** One Lighthouse run of `url` as the signed-in `cookie`: the category scores, 0-100. */
export async function lighthouseScores(
  url: string,
  cookie: string,
): Promise<Record<(typeof CATEGORIES)[number], number>> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-lighthouse-"));
  try {
    const lhr = await lighthouse(url, path.join(directory, "report.json"), cookie);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * A vegan's dated week (soy milk at breakfast and dinner, bread, banana) with a weekly
 * 2,000 µg supplement, for the signed-in admin: the plan the page benchmarks load.
 */
export async function createWeekPlan(baseUrl: string): Promise<string> {
  await callMutation(baseUrl, "profile.update", {
    ageYears: 40,
    sex: "female",
    diet: "vegan",
    standard: "nih",
  });
  const { id: planId } = (await callMutation(baseUrl, "plans.create", {
    name: "A week",
    dayCount: 7,
    startDate: "2026-11-30",
  })) as { id: string };
  for (const [foodId, meals, grams] of [
    ["sr28-16139", ["breakfast", "dinner"], 243],
    ["sr28-18075", ["lunch"], 60],
    ["sr28-09040", ["snack"], 120],
  ] as const) {
    await callMutation(baseUrl, "plans.addToDays", { planId, foodId, meals, grams });
  }
  await callMutation(baseUrl, "plans.addSupplement", {
    planId,
    doseMicrograms: 2000,
    form: "tablet",
    everyNDays: 7,
  });
  return planId;
}

export async function benchLighthouse(): Promise<Row[]> {
  const app = await startApp();
  const directory = mkdtempSync(path.join(tmpdir(), "b12-lighthouse-"));
  try {
    const cookie = await createFirstAccount(app.baseUrl);
    const planId = await createWeekPlan(app.baseUrl);
    const pages: [string, string][] = [
      ["/", "/"],
      ["/foods", "/foods?q=soy+milk"],
      ["/plans/[id]", `/plans/${planId}`],
      ["/plans/[id]/shopping", `/plans/${planId}/shopping`],
    ];
    const rows: Row[] = [];
    // A server that has been running a while: each page is served a few times first, so
    // the first report does not measure a cold start.
    for (const [, url] of pages) {
      for (let i = 0; i < 3; i += 1) {
        await (await fetch(`${app.baseUrl}${url}`, { headers: { cookie } })).text();
      }
    }
    for (const [name, url] of pages) {
      const lhr = await lighthouse(
        `${app.baseUrl}${url}`,
        path.join(directory, "report.json"),
        cookie,
      );
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
      rows.push({
        page: name,
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best practices": score("best-practices"),
        "FCP ms": audit("first-contentful-paint"),
        "LCP ms": audit("largest-contentful-paint"),
        "TBT ms": audit("total-blocking-time"),
        CLS: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
      });
    }
    return rows;
  } finally {
    rmSync(directory, { recursive: true, force: true });
    await app.stop();
  }
}

if (process.argv[1]?.endsWith("lighthouse.bench.ts")) {
  benchLighthouse()
    .then((rows) =>
      printTable(
        "Lighthouse, simulated slow phone (targets: performance 90+, accessibility 95+, best practices 95+)",
        rows,
      ),
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
