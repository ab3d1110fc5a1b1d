/**
 * Draws the installable app's PNG icons from app/icon.svg with Chromium (playwright-core,
 * the browser the end-to-end tests use): public/icons/icon-192.png, icon-512.png,
 * apple-touch-icon.png (180) and maskable-512.png (full-bleed background, the mark inside
 * the central 80% safe zone, as the W3C manifest spec's "maskable" purpose asks).
 * Run: npx tsx scripts/generate-icons.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const SVG = readFileSync(path.join(process.cwd(), "app", "icon.svg"), "utf8");
const OUT = path.join(process.cwd(), "public", "icons");
const BACKGROUND = "#08403d";

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const draw = async (size: number, file: string, maskable: boolean) => {
      await page.setViewportSize({ width: size, height: size });
      const inner = maskable ? Math.round(size * 0.8) : size;
      const svg = SVG.replace("<svg ", `<svg width="${inner}" height="${inner}" `).replace(
        maskable ? 'rx="14"' : "\u0000",
        'rx="0"',
      );
      await page.setContent(
        `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? BACKGROUND : "transparent"}">${svg}</body></html>`,
      );
      await page.screenshot({ path: path.join(OUT, file), omitBackground: !maskable });
      console.log(`wrote public/icons/${file}`);
    };
    await draw(192, "icon-192.png", false);
    await draw(512, "icon-512.png", false);
    await draw(180, "apple-touch-icon.png", true);
    await draw(512, "maskable-512.png", true);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
