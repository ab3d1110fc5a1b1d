/** Journeys on /learn: the page reads well at both widths and every citation has a source. */
import { assert, type Journey, open, screenshot, VIEWPORTS } from "./harness";

export const learnJourneys: Journey[] = [
  {
    name: "/learn: every citation links to an entry of the Sources list, at desktop and phone width",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(page, `${baseUrl}/learn`);
      await page.getByRole("heading", { level: 1, name: "Vitamin B12, in plain words" }).waitFor();
      assert(
        (await page
          .getByRole("link", { name: "Learn", exact: true })
          .getAttribute("aria-current")) === "page",
        "the Learn nav link is not marked current",
      );
      const sources = page.getByRole("list", { name: "Sources" });
      await sources.waitFor();
      const sourceIds = new Set(
        await sources.locator("li").evaluateAll((items) => items.map((item) => item.id)),
      );
      assert(sourceIds.size >= 10, `only ${sourceIds.size} sources listed`);
      const citations = await page
        .locator("a[data-citation]")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      assert(citations.length >= 40, `only ${citations.length} citation links`);
      const broken = citations.filter((href) => !sourceIds.has(href.replace(/^#/, "")));
      assert(broken.length === 0, `citations without a source: ${broken.join(", ")}`);
      const cited = new Set(citations.map((href) => href.replace(/^#/, "")));
      const uncited = [...sourceIds].filter((id) => !cited.has(id));
      assert(uncited.length === 0, `sources never cited: ${uncited.join(", ")}`);
      await screenshot(page, "learn-desktop");

      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "learn-phone");
      await page.close();
    },
  },
];
