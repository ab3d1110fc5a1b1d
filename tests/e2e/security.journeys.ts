/**
 * The server is safe to expose (issue 14), checked over HTTP against the production
 * server (proxy.ts only runs there) and in Chromium:
 * - an unknown Host (DNS rebinding) gets 421 before any page, route or procedure runs,
 *   also in a real Chromium that resolves a foreign name to 127.0.0.1;
 * - state-changing requests from another origin are refused and write nothing;
 * - every page type, route, static file and error carries the security headers;
 * - a foreign page cannot frame the app;
 * - bodies over the limit get 413, batches over the cap 400, JSON errors quote nothing.
 * Plain node:http requests, so the Host header and raw paths go out exactly as written.
 */
import { request as httpRequest } from "node:http";
import { chromium } from "playwright-core";
import {
  ADMIN,
  assert,
  CHROMIUM_PATH,
  callMutation,
  type Journey,
  pagesExpectingViolations,
} from "./harness";

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
};

function raw(
  baseUrl: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Written without ending the request (the headers promise more). */
    partialBody?: string;
  },
): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: {
          // Signed in as the admin: every refusal below must hold for a valid session too.
          cookie: ADMIN.cookie,
          ...(options.body !== undefined
            ? {
                "content-type": "application/json",
                "content-length": Buffer.byteLength(options.body),
              }
            : {}),
          ...options.headers,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
          if (options.partialBody !== undefined) req.destroy();
        });
      },
    );
    req.on("error", reject);
    if (options.partialBody !== undefined) {
      req.write(options.partialBody);
      return;
    }
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

async function planCount(baseUrl: string): Promise<number> {
  const answer = await raw(baseUrl, { path: "/api/trpc/plans.list" });
  return (JSON.parse(answer.text) as { result: { data: unknown[] } }).result.data.length;
}

const EXPECTED_HEADERS: Record<string, RegExp> = {
  "content-security-policy": /frame-ancestors 'none'/,
  "x-frame-options": /^DENY$/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^(same-origin|no-referrer|strict-origin)$/,
  "permissions-policy": /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
};

function checkHeaders(where: string, answer: Answer): void {
  for (const [name, pattern] of Object.entries(EXPECTED_HEADERS)) {
    const value = answer.headers[name];
    assert(
      typeof value === "string" && pattern.test(value),
      `${where} (HTTP ${answer.status}): header ${name} is ${JSON.stringify(value)}`,
    );
  }
  const csp = String(answer.headers["content-security-policy"]);
  assert(!csp.includes("unsafe-eval"), `${where}: the CSP allows eval`);
  assert(!/script-src[^;]*'unsafe-inline'/.test(csp), `${where}: the CSP allows inline scripts`);
}

export const securityJourneys: Journey[] = [
  {
    name: "security: a foreign Host (DNS rebinding) gets 421 before anything runs, nothing is written",
    run: async ({ baseUrl }) => {
      const port = new URL(baseUrl).port;
      const before = await planCount(baseUrl);
      const probes: { method: string; path: string; body?: string }[] = [
        { method: "GET", path: "/" },
        { method: "GET", path: "/plans" },
        { method: "GET", path: "/learn" },
        { method: "GET", path: "/api/trpc/backup.export" },
        { method: "GET", path: "/api/trpc/plans.list" },
        { method: "GET", path: "/api/plans/x/shopping-list.csv" },
        { method: "GET", path: "/icon.svg" },
        { method: "POST", path: "/api/trpc/plans.create", body: '{"name":"Rebound","dayCount":1}' },
        // backup.restore skips the proxy (its body may be 48 MB): its route checks the same.
        { method: "POST", path: "/api/trpc/backup.restore", body: '{"file":{}}' },
      ];
      for (const host of [`rebind.example:${port}`, "rebind.example", `127.0.0.1.nip.io:${port}`]) {
        for (const probe of probes) {
          const answer = await raw(baseUrl, { ...probe, headers: { host } });
          assert(
            answer.status === 421,
            `${probe.method} ${probe.path} with Host ${host}: HTTP ${answer.status} ${answer.text.slice(0, 120)}`,
          );
          assert(!answer.text.includes('"result"'), `${probe.path}: data leaked to Host ${host}`);
          assert(answer.text.includes("ALLOWED_HOSTS"), `${probe.path}: no explanation`);
        }
      }
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
        const answer = await raw(baseUrl, { path: "/api/trpc/plans.list", headers: { host } });
        assert(answer.status === 200, `Host ${host}: HTTP ${answer.status}`);
      }
      assert((await planCount(baseUrl)) === before, "a request with a foreign Host wrote a plan");

      // The attack itself, in Chromium: a foreign name resolved to this server.
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--no-first-run",
          "--host-resolver-rules=MAP rebind.example 127.0.0.1",
        ],
      });
      try {
        const page = await browser.newPage();
        const response = await page.goto(`http://rebind.example:${port}/api/trpc/backup.export`);
        assert(response?.status() === 421, `Chromium via rebind.example: ${response?.status()}`);
        const text = await page.locator("body").innerText();
        assert(!text.includes('"format"'), "the backup was readable through a rebound name");
      } finally {
        await browser.close();
      }
    },
  },
  {
    name: "security: state-changing requests from another origin are refused and write nothing",
    run: async ({ baseUrl }) => {
      const before = await planCount(baseUrl);
      const body = '{"name":"Cross-site","dayCount":1}';
      const cases: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { origin: "null" },
        { origin: `http://rebind.example:${new URL(baseUrl).port}` },
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
      ];
      for (const [path, headers] of cases.flatMap((headers) => [
        ["/api/trpc/plans.create", headers] as const,
        ["/api/trpc/backup.restore", headers] as const,
      ])) {
        const answer = await raw(baseUrl, { method: "POST", path, body, headers });
        assert(answer.status === 403, `${path} ${JSON.stringify(headers)}: HTTP ${answer.status}`);
        checkHeaders(`403 on ${path}`, answer);
        const message = (JSON.parse(answer.text) as { error: { message: string } }).error.message;
        assert(/own pages|web address/.test(message), `unhelpful message: ${message}`);
      }
      assert((await planCount(baseUrl)) === before, "a cross-origin request wrote a plan");
      const same = await raw(baseUrl, {
        method: "POST",
        path: "/api/trpc/plans.create",
        body: '{"name":"Same origin","dayCount":1}',
        headers: { origin: baseUrl, "sec-fetch-site": "same-origin" },
      });
      assert(same.status === 200, `same-origin POST: HTTP ${same.status} ${same.text}`);
    },
  },
  {
    name: "security: every page type, route, file and error carries the security headers",
    run: async ({ baseUrl }) => {
      const plan = (await callMutation(baseUrl, "plans.create", {
        name: "Headers",
        dayCount: 2,
      })) as { id: string };
      const food = (await callMutation(baseUrl, "foods.createCustom", {
        name: "Header oat drink",
        servingGrams: 240,
        b12: { micrograms: 1 },
        diet: "vegan",
        fortified: true,
      })) as { id: string };
      const home = await raw(baseUrl, { path: "/" });
      const asset = /\/_next\/static\/[^"']+\.js/.exec(home.text)?.[0];
      assert(asset, "no script asset found on the home page");
      const css = /\/_next\/static\/[^"']+\.css/.exec(home.text)?.[0];
      const paths: [string, number][] = [
        ["/", 200],
        ["/foods", 200],
        ["/foods?q=milk", 200],
        ["/foods/sr28-01123", 200],
        [`/foods/${food.id}`, 200],
        [`/foods/${food.id}/edit`, 200],
        ["/foods/new", 200],
        ["/plans", 200],
        [`/plans/${plan.id}`, 200],
        [`/plans/${plan.id}/shopping`, 200],
        ["/plans/no-such-plan", 404],
        ["/profile", 200],
        ["/learn", 200],
        ["/no-such-page", 404],
        ["/api/trpc/plans.list", 200],
        ["/api/trpc/nope.nothing", 404],
        [`/api/plans/${plan.id}/shopping-list.csv`, 200],
        [`/api/plans/${plan.id}/shopping-list.md`, 200],
        ["/api/plans/no-such-plan/shopping-list.csv", 404],
        ["/icon.svg", 200],
        [asset, 200],
        ...(css ? ([[css, 200]] as [string, number][]) : []),
        ["/_next/static/no-such-file.js", 404],
        ["/plans/%", 400],
      ];
      for (const [path, status] of paths) {
        const answer = await raw(baseUrl, { path });
        assert(answer.status === status, `${path}: expected ${status}, got ${answer.status}`);
        checkHeaders(path, answer);
      }
      const refused = await raw(baseUrl, { path: "/", headers: { host: "evil.example" } });
      checkHeaders("421 for a foreign Host", refused);
      const post = await raw(baseUrl, { method: "POST", path: "/api/trpc/plans.list", body: "{}" });
      checkHeaders("POST to a query (405)", post);
      // Pages get a fresh nonce each time, and Next puts it on every script tag.
      const first = String(
        (await raw(baseUrl, { path: "/learn" })).headers["content-security-policy"],
      );
      const second = await raw(baseUrl, { path: "/learn" });
      const nonce = /'nonce-([^']+)'/.exec(String(second.headers["content-security-policy"]))?.[1];
      assert(nonce && !first.includes(nonce), "the CSP nonce is not fresh per response");
      const scripts = second.text.match(/<script[^>]*>/g) ?? [];
      assert(scripts.length > 0, "no scripts on /learn");
      for (const tag of scripts) {
        assert(tag.includes(`nonce="${nonce}"`), `a script without this response's nonce: ${tag}`);
      }
    },
  },
  {
    name: "security: a foreign page cannot frame the app",
    run: async ({ browser, baseUrl }) => {
      const page = await browser.newPage();
      pagesExpectingViolations.add(page);
      const messages: string[] = [];
      page.on("console", (message) => messages.push(message.text()));
      await page.setContent(
        `<iframe id="f" src="${baseUrl}/plans" width="600" height="400"></iframe>`,
      );
      // Chromium swaps a refused frame for its error page; give it time to load either way.
      await page.waitForTimeout(1500);
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      const framed = frame
        ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "")
        : "";
      assert(!framed.includes("B12 Planner"), "the app rendered inside a foreign page's frame");
      assert(
        messages.some((text) => text.includes("frame-ancestors")),
        `Chromium did not report the refused frame: ${messages.join(" | ")}`,
      );
      await page.close();
    },
  },
  {
    name: "security: oversized bodies get 413, oversized batches 400, bad JSON is not echoed",
    run: async ({ baseUrl }) => {
      const big = `{"name":"${"x".repeat(4 * 1024 * 1024)}","dayCount":1}`;
      const tooLarge = await raw(baseUrl, {
        method: "POST",
        path: "/api/trpc/plans.create",
        body: big,
      });
      assert(tooLarge.status === 413, `4 MB plans.create: HTTP ${tooLarge.status}`);
      assert(/too large \(at most 4 MB\)/.test(tooLarge.text), `413 message: ${tooLarge.text}`);

      // A 97 MB restore is refused from its Content-Length, before the body is read: send
      // the headers and a first byte, and never the rest.
      const restore = await raw(baseUrl, {
        method: "POST",
        path: "/api/trpc/backup.restore",
        headers: { "content-type": "application/json", "content-length": String(97 * 1024 * 1024) },
        partialBody: "{",
      });
      assert(restore.status === 413, `97 MB backup.restore: HTTP ${restore.status}`);
      checkHeaders("413 on backup.restore", restore);
      const invalidRestore = await raw(baseUrl, {
        method: "POST",
        path: "/api/trpc/backup.restore",
        body: '{"file":{"format":"nope"}}',
      });
      assert(invalidRestore.status === 400, `invalid restore: HTTP ${invalidRestore.status}`);
      checkHeaders("400 from backup.restore", invalidRestore);
      // A restore body over the 4 MB every other call gets arrives whole (the proxy, which
      // would cut it at 4 MB, is skipped): the schema answers, not the JSON parser.
      const largeRestore = await raw(baseUrl, {
        method: "POST",
        path: "/api/trpc/backup.restore",
        body: JSON.stringify({
          file: { format: "b12-planner-backup", pad: "x".repeat(6_000_000) },
        }),
      });
      assert(largeRestore.status === 400, `6 MB restore: HTTP ${largeRestore.status}`);
      assert(
        !largeRestore.text.includes("not valid JSON") && largeRestore.text.includes("file"),
        `6 MB restore was not read whole: ${largeRestore.text.slice(0, 300)}`,
      );
      const batchedRestore = await raw(baseUrl, {
        method: "POST",
        path: "/api/trpc/plans.create,backup.restore?batch=1",
        body: JSON.stringify({ 1: { file: { pad: "x".repeat(6_000_000) } } }),
      });
      assert(batchedRestore.status === 413, `6 MB batched restore: HTTP ${batchedRestore.status}`);

      const chunked = await raw(baseUrl, {
        method: "POST",
        path: "/api/trpc/plans.create",
        headers: { "transfer-encoding": "chunked" },
      });
      assert(chunked.status === 411, `chunked body: HTTP ${chunked.status}`);

      const calls = (n: number, name = "plans.list") => Array(n).fill(name).join(",");
      const twenty = await raw(baseUrl, { path: `/api/trpc/${calls(20)}?batch=1` });
      assert(twenty.status === 200, `batch of 20: HTTP ${twenty.status}`);
      const many = await raw(baseUrl, { path: `/api/trpc/${calls(100)}?batch=1` });
      assert(many.status === 400, `batch of 100: HTTP ${many.status}`);
      assert(/at most 20 calls/.test(many.text), `batch message: ${many.text}`);
      const heavy = await raw(baseUrl, {
        method: "POST",
        path: `/api/trpc/${calls(2, "plans.duplicate")}?batch=1`,
        body: '{"0":{"planId":"x"},"1":{"planId":"x"}}',
      });
      assert(heavy.status === 400, `two duplicates in one batch: HTTP ${heavy.status}`);

      for (const text of ["undefined-secret-token", '{"a":"secret-token"']) {
        const answer = await raw(baseUrl, {
          method: "POST",
          path: "/api/trpc/plans.create",
          body: text,
        });
        assert(answer.status === 400, `bad JSON: HTTP ${answer.status}`);
        assert(!answer.text.includes("secret-token"), `the error quotes the input: ${answer.text}`);
        assert(answer.text.includes("not valid JSON"), `bad JSON message: ${answer.text}`);
      }
      const query = await raw(baseUrl, {
        path: `/api/trpc/plans.get?input=${encodeURIComponent("{secret-token")}`,
      });
      assert(query.status === 400 && !query.text.includes("secret-token"), query.text);
    },
  },
];
