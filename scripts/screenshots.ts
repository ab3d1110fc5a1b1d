/**
 * `npx tsx scripts/screenshots.ts name=/path …` takes desktop and phone screenshots of
 * pages of a running server (BASE_URL, default http://127.0.0.1:3000) into screenshots/,
 * and reports any page that scrolls sideways. For looking at what you build.
 */
import { launchBrowser, screenshot, VIEWPORTS } from "../tests/e2e/harness";

const baseUrl = process.env.BASE_URL ?? "http://127.0.0.1:3000";

async function main(specs: string[]): Promise<void> {
  const browser = await launchBrowser();
  try {
    for (const spec of specs) {
      const separator = spec.indexOf("=");
      const name = separator > 0 ? spec.slice(0, separator) : spec;
      const url = separator > 0 ? spec.slice(separator + 1) : "/";
      for (const [viewport, size] of Object.entries(VIEWPORTS)) {
        const page = await browser.newPage({ viewport: size });
        await page.goto(baseUrl + url);
        await page.waitForLoadState("networkidle");
        try {
          await screenshot(page, `${name}-${viewport}`);
        } catch (error) {
          console.error(String(error));
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
