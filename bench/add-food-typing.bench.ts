/**
 * The add-food panel while typing, in Chromium against the production build: time from
 * the last keystroke of a query to its results on screen (the first result is the one
 * the search answers for that query). Typed at 60 ms a key, like a quick typist, so the
 * debounce (90 ms) and one foods.search round trip and render are all inside the figure.
 * Target (issue 13): results within 150 ms of the last keystroke.
 * Needs `npm run build` first.
 */
import {
  ADMIN,
  callMutation,
  createFirstAccount,
  launchBrowser,
  open,
  signedIn,
  startApp,
} from "../tests/e2e/harness";
import { printTable, type Row, summarise } from "./stats";

/** Each typed once: the browser caches answers, so a repeated query would not ask the server. */
const QUERIES = [
  "egg",
  "salmon",
  "milk",
  "porridge",
  "chicken breast",
  "soy milk",
  "lentils",
  "cheddar",
  "yoghurt",
  "sardines",
  "brown rice",
  "tuna",
  "apple",
  "banana",
  "beef mince",
  "tofu",
  "oat milk",
  "spinach",
  "clams",
  "bread",
];

export const TYPING_TITLE =
  "Add-food panel: last keystroke → results shown, Chromium (target: < 150 ms)";

export async function benchAddFoodTyping(): Promise<Row[]> {
  const app = await startApp();
  await createFirstAccount(app.baseUrl);
  const browser = signedIn(await launchBrowser(), app.baseUrl);
  try {
    const { id: planId } = (await callMutation(app.baseUrl, "plans.create", {
      name: "Typing bench",
      dayCount: 1,
    })) as { id: string };
    // What each query's first result is, from the API, so the page can tell when it shows.
    const expected = new Map<string, string>();
    for (const query of QUERIES) {
      const input = encodeURIComponent(JSON.stringify({ query, diet: "any", limit: 8 }));
      const body = (await (
        await fetch(`${app.baseUrl}/api/trpc/foods.search?input=${input}`, {
          headers: { cookie: ADMIN.cookie },
        })
      ).json()) as { result: { data: { items: { name: string }[] } } };
      expected.set(query, body.result.data.items[0]?.name ?? "");
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, `${app.baseUrl}/plans/${planId}`);
    await page.getByRole("button", { name: "Add food to breakfast" }).click();
    const box = page.getByLabel("Find a food to add to breakfast");
    await page.evaluate(() => {
      document.addEventListener(
        "keydown",
        () => {
          (window as unknown as { lastKeyAt: number }).lastKeyAt = performance.now();
        },
        true,
      );
    });
    // One query first, untimed: it warms the server's statements and the page's code.
    await page.keyboard.type("cheese", { delay: 60 });
    await page.locator('[aria-label="Foods to add"] [data-food-option]').first().waitFor();
    const samples: number[] = [];
    const rows: Row[] = [];
    for (const query of QUERIES) {
      await box.fill("");
      await page.waitForTimeout(200);
      await page.keyboard.type(query, { delay: 60 });
      const shownAt = await page.waitForFunction(
        (name) => {
          const first = document.querySelector(
            '[aria-label="Foods to add"] [data-food-option] .add-result-name',
          );
          return first?.textContent === name ? performance.now() : null;
        },
        expected.get(query) ?? "",
        { polling: "raf", timeout: 5000 },
      );
      const lastKeyAt = await page.evaluate(
        () => (window as unknown as { lastKeyAt: number }).lastKeyAt,
      );
      const milliseconds = ((await shownAt.jsonValue()) as number) - lastKeyAt;
      samples.push(milliseconds);
      rows.push({ query, ms: milliseconds });
    }
    const overall = summarise(samples);
    rows.push({ query: `ALL (n ${overall.n}): p50`, ms: overall.p50 });
    rows.push({ query: "ALL: p95", ms: overall.p95 });
    rows.push({ query: "ALL: max", ms: overall.max });
    return rows;
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (process.argv[1]?.endsWith("add-food-typing.bench.ts")) {
  benchAddFoodTyping()
    .then((rows) => printTable(TYPING_TITLE, rows))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
