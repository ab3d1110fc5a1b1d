/**
 * Installable and offline: the manifest and its icons are served; a shopping list opened
 * once opens again with the network switched off (from the service worker's copy), a tick
 * made offline is kept, and it reaches the server when the network is back. A page never
 * opened gets the service worker's offline page, not the browser's error.
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

const LENTILS_COOKED = "sr28-16070";
const SOYMILK = "sr28-16139";

type Manifest = {
  name: string;
  display: string;
  icons: { src: string; sizes: string; purpose?: string }[];
};

export const offlineJourneys: Journey[] = [
  {
    name: "offline: manifest and icons; a shopping list opens with no network, an offline tick syncs",
    run: async ({ browser, baseUrl }) => {
      const manifestResponse = await fetch(`${baseUrl}/manifest.webmanifest`);
      assert(manifestResponse.ok, `manifest: HTTP ${manifestResponse.status}`);
      const manifest = (await manifestResponse.json()) as Manifest;
      assert(manifest.display === "standalone", `manifest display: ${manifest.display}`);
      for (const wanted of ["192x192", "512x512"]) {
        assert(
          manifest.icons.some((icon) => icon.sizes === wanted),
          `manifest has no ${wanted} icon`,
        );
      }
      assert(
        manifest.icons.some((icon) => icon.purpose === "maskable"),
        "manifest has no maskable icon",
      );
      for (const icon of manifest.icons) {
        const response = await fetch(`${baseUrl}${icon.src}`);
        assert(
          response.ok && response.headers.get("content-type") === "image/png",
          `icon ${icon.src}: ${response.status} ${response.headers.get("content-type")}`,
        );
      }

      const { id: planId } = (await callMutation(baseUrl, "plans.create", {
        name: "Offline week",
        dayCount: 2,
      })) as { id: string };
      await callMutation(baseUrl, "plans.addEntry", {
        planId,
        day: 1,
        meal: "dinner",
        foodId: LENTILS_COOKED,
        grams: 396,
      });
      await callMutation(baseUrl, "plans.addEntry", {
        planId,
        day: 2,
        meal: "breakfast",
        foodId: SOYMILK,
        portionId: `${SOYMILK}:1`,
        quantity: 1,
      });

      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const page = await context.newPage();
        const url = `${baseUrl}/plans/${planId}/shopping`;
        await open(page, url);
        // The service worker installs on the first visit and controls the next one.
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        await open(page, url);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
          timeout: 15_000,
        });
        await open(page, url);
        const cached = await page.evaluate(async (href) => Boolean(await caches.match(href)), url);
        assert(cached, "the shopping list page was not kept by the service worker");

        await context.setOffline(true);
        const offlineResponse = await page.goto(url);
        assert(offlineResponse?.fromServiceWorker(), "offline page did not come from the worker");
        await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
        await page
          .getByRole("heading", { level: 1, name: "Shopping list: Offline week" })
          .waitFor();
        // 396 g cooked lentils × 116/352 = 130.5 g dry → 140 g (10 g steps).
        await page.getByText("140 g dry lentils", { exact: true }).waitFor();
        const never = await context.newPage();
        await never.goto(`${baseUrl}/learn`).catch(() => null);
        await never.getByRole("heading", { name: "You are offline" }).waitFor();
        await never.close();

        await page.bringToFront();
        const lentils = page.getByRole("checkbox", { name: /dry lentils/ });
        await lentils.check();
        await page.getByText("Saved offline, will sync", { exact: false }).waitFor();
        await screenshot(page, "shopping-offline-phone");

        await context.setOffline(false);
        await page
          .getByText("All ticks saved.")
          .waitFor({ timeout: 20_000 })
          .catch(async (error: unknown) => {
            const state = await page.evaluate(() => ({
              onLine: navigator.onLine,
              status: document.querySelector('[role="status"]')?.textContent,
              queue: Object.entries(localStorage),
            }));
            throw new Error(`offline tick did not sync: ${JSON.stringify(state)} ${String(error)}`);
          });
        const list = (await callQuery(baseUrl, "shopping.list", { planId })) as {
          aisles: { lines: { foodId: string | null; checked: boolean }[] }[];
        };
        const line = list.aisles
          .flatMap((group) => group.lines)
          .find((item) => item.foodId === "sr28-16069");
        assert(line?.checked === true, "the offline tick did not reach the server");
      } finally {
        await context.close();
      }
    },
  },
];
