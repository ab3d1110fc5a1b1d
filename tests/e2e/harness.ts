/**
 * End-to-end harness: starts the production build (`next start`) on a fresh temporary
 * database and drives Debian's Chromium through playwright-core. Never downloads a
 * browser. Each journey is a named async function; failures are reported together.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = path.join(process.cwd(), "screenshots");

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 800 },
} as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export type RunningApp = { baseUrl: string; databasePath: string; stop: () => Promise<void> };

/** The first account, created by `runJourneys` before the journeys; its session cookie. */
export const ADMIN = { email: "admin@example.org", password: "correct horse battery", cookie: "" };

/** Creates the first account over HTTP (from localhost, so no setup code) and keeps its cookie. */
export async function createFirstAccount(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password, name: "Admin" }),
  });
  if (!response.ok) throw new Error(`first account: ${response.status} ${await response.text()}`);
  const pair = response.headers.getSetCookie().find((line) => line.includes("session_token"));
  ADMIN.cookie = pair?.split(";")[0] ?? "";
  return ADMIN.cookie;
}

/** The browser, with every new page and context signed in as ADMIN (a journey may sign out). */
export function signedIn(browser: Browser, baseUrl: string): Browser {
  const [name = "", ...value] = ADMIN.cookie.split("=");
  const cookie = {
    name,
    value: value.join("="),
    url: baseUrl,
    httpOnly: true,
    sameSite: "Lax" as const,
  };
  const newContext: Browser["newContext"] = async (options) => {
    const context = await browser.newContext(options);
    await context.addCookies([cookie]);
    return context;
  };
  const newPage: Browser["newPage"] = async (options) => {
    const context = await newContext(options);
    const page = await context.newPage();
    // The browser may already be closing (after the last journey): a context that is gone
    // is closed enough, and an unhandled rejection here would fail the whole run.
    page.once("close", () => {
      context.close().catch(() => undefined);
    });
    return page;
  };
  return new Proxy(browser, {
    get: (target, key) =>
      key === "newContext" ? newContext : key === "newPage" ? newPage : Reflect.get(target, key),
  });
}

/** Prepares a fresh database (migrate + import) and starts `next start` on a free port. */
export async function startApp(): Promise<RunningApp> {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm run build` first.");
  }
  const directory = mkdtempSync(path.join(tmpdir(), "b12-e2e-"));
  const databasePath = path.join(directory, "e2e.db");
  const port = Number(process.env.E2E_APP_PORT) || (await freePort());
  const env = {
    ...process.env,
    DATABASE_PATH: databasePath,
    PORT: String(port),
    NODE_ENV: "production" as const,
  };

  const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-setup.ts"], {
    env,
    encoding: "utf8",
  });
  if (setup.status !== 0) throw new Error(`db-setup failed:\n${setup.stdout}\n${setup.stderr}`);

  const server: ChildProcess = spawn(
    process.execPath,
    [
      path.join("node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  server.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  server.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer in 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    databasePath,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => {
        if (server.exitCode !== null) resolve(null);
        else server.once("exit", resolve);
      });
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

const AXE_SOURCE = path.join(process.cwd(), "node_modules", "axe-core", "axe.min.js");
let axeSource: string | undefined;

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
};

/** Runs axe-core in the page; fails on any serious or critical violation (WCAG 2 A/AA rules). */
export async function checkAccessibility(page: Page, name: string): Promise<void> {
  // After a client-side navigation Next sets the new title a moment later: give it that
  // moment (a page that never gets a title still fails below).
  await page
    .waitForFunction(() => document.title.trim().length > 0, null, { timeout: 5000 })
    .catch(() => undefined);
  // Evaluated through the DevTools protocol, not added as a <script>: the page's Content
  // Security Policy (rightly) refuses scripts without its nonce.
  if (!(await page.evaluate(() => "axe" in window))) {
    axeSource ??= readFileSync(AXE_SOURCE, "utf8");
    await page.evaluate(axeSource);
  }
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations;
  })) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length > 0) {
    const lines = serious.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
    throw new Error(`${name}: accessibility violations\n      ${lines.join("\n      ")}`);
  }
}

/**
 * Saves a full-page screenshot, checks the page does not scroll sideways, and runs the
 * axe-core accessibility check: every page a journey looks at is checked.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await checkAccessibility(page, name);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth + 1) {
    throw new Error(
      `${name}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport (horizontal scrolling)`,
    );
  }
}

/** Calls a tRPC mutation over HTTP (plain JSON) and returns its data; for setting up data. */
export async function callMutation(
  baseUrl: string,
  procedure: string,
  input: unknown,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: ADMIN.cookie },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { message: string };
  };
  if (!response.ok || !body.result)
    throw new Error(`${procedure}: ${body.error?.message ?? response.status}`);
  return body.result.data;
}

/** Calls a tRPC query over HTTP as the signed-in admin, the way the browser does. */
export async function callQuery(
  baseUrl: string,
  procedure: string,
  input: unknown,
): Promise<unknown> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}${query}`, {
    headers: { cookie: ADMIN.cookie },
  });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { message: string };
  };
  if (!response.ok || !body.result)
    throw new Error(`${procedure}: ${body.error?.message ?? response.status}`);
  return body.result.data;
}

/** Scrolls the plan charts into view: they load only when near the screen. */
export async function showCharts(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Charts", exact: true }).scrollIntoViewIfNeeded();
}

/** Opens a URL and waits until React has hydrated the page (see app/_components/site-nav.tsx). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export type Journey = {
  name: string;
  run: (context: { browser: Browser; baseUrl: string }) => Promise<void>;
};

/**
 * Records every Content Security Policy violation of a page: Chromium's console message
 * ("Refused to …") and the page's securitypolicyviolation events; and any complaint about
 * our Permissions-Policy header (a feature Chromium does not know, say).
 */
/** Pages that provoke violations on purpose (a foreign page framing the app). */
export const pagesExpectingViolations = new WeakSet<Page>();

function watchPolicy(page: Page, violations: string[]): void {
  page.on("console", (message) => {
    if (pagesExpectingViolations.has(page)) return;
    const text = message.text();
    if (/Refused to|Content Security Policy|Permissions-Policy/i.test(text)) {
      violations.push(`${page.url()}: ${text}`);
    }
  });
  void page
    .addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(
          `Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    })
    .catch(() => undefined);
}

/** The browser handed to journeys: every page it opens is watched for CSP violations. */
function watchedBrowser(browser: Browser, violations: string[]): Browser {
  return new Proxy(browser, {
    get(target, property) {
      if (property === "newPage") {
        return async (...args: Parameters<Browser["newPage"]>) => {
          const page = await target.newPage(...args);
          watchPolicy(page, violations);
          return page;
        };
      }
      if (property === "newContext") {
        return async (...args: Parameters<Browser["newContext"]>) => {
          const context = await target.newContext(...args);
          context.on("page", (page) => watchPolicy(page, violations));
          return context;
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Runs journeys one after another against one server; exits non-zero on any failure.
 * A journey that causes any Content Security Policy violation fails.
 * `JOURNEYS=text` runs only the journeys whose name contains the text.
 */
export async function runJourneys(all: Journey[]): Promise<void> {
  const only = process.env.JOURNEYS;
  const journeys = only ? all.filter((journey) => journey.name.includes(only)) : all;
  const app = await startApp();
  await createFirstAccount(app.baseUrl);
  const browser = signedIn(await launchBrowser(), app.baseUrl);
  const violations: string[] = [];
  const watched = watchedBrowser(browser, violations);
  const failures: string[] = [];
  try {
    for (const journey of journeys) {
      const started = performance.now();
      violations.length = 0;
      try {
        await journey.run({ browser: watched, baseUrl: app.baseUrl });
        if (violations.length > 0) {
          throw new Error(
            `Content Security Policy or Permissions-Policy errors:\n      ${[...new Set(violations)].join("\n      ")}`,
          );
        }
        console.log(`  ✓ ${journey.name} (${Math.round(performance.now() - started)} ms)`);
      } catch (error) {
        failures.push(journey.name);
        console.log(
          `  ✗ ${journey.name}\n    ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  console.log(`\n${journeys.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) process.exitCode = 1;
}
