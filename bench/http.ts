/** HTTP helpers for the whole-stack benchmarks: one keep-alive client, a bare server. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { ADMIN, callMutation } from "../tests/e2e/harness";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * GET over one kept-alive connection, as the signed-in admin (the benchmarks create the
 * first account); resolves with the status, headers and whole body.
 */
export function get(
  url: string,
): Promise<{ status: number; body: string; contentType: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie: ADMIN.cookie } }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body,
            contentType: response.headers["content-type"],
          }),
        );
      })
      .on("error", reject);
  });
}

export function closeClient(): void {
  agent.destroy();
}

/** A tRPC query URL in the plain-JSON wire format (see docs/api.md). */
export function queryUrl(baseUrl: string, procedure: string, input: unknown): string {
  return `${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

export type BareServer = { baseUrl: string; stop: () => Promise<void> };

/**
 * A bare Node `http` server in its own process (as the app is), answering each path
 * with a fixed body: the baseline for throughput. `bodies` maps a path to its response.
 */
export async function startBareServer(
  bodies: Record<string, { body: string; contentType: string }>,
): Promise<BareServer> {
  const script = `
    const http = require("node:http");
    const bodies = JSON.parse(require("node:fs").readFileSync(process.env.BARE_BODIES, "utf8"));
    const prepared = Object.fromEntries(Object.entries(bodies).map(([path, value]) =>
      [path, { body: Buffer.from(value.body), contentType: value.contentType }]));
    const server = http.createServer((request, response) => {
      const found = prepared[new URL(request.url, "http://x").pathname];
      if (!found) { response.statusCode = 404; response.end(); return; }
      response.writeHead(200, { "content-type": found.contentType, "content-length": found.body.length });
      response.end(found.body);
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));
  `;
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bare-"));
  const bodiesFile = path.join(directory, "bodies.json");
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  const child: ChildProcess = spawn(process.execPath, ["-e", script], {
    env: { ...process.env, BARE_BODIES: bodiesFile },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve(null);
        else child.once("exit", resolve);
      });
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The foods of the whole-stack benchmarks' "Full month" plan, one per slot of a meal. */
const FULL_MONTH_FOODS = [
  "sr28-16139",
  "sr28-01129",
  "sr28-01079",
  "sr28-08013",
  "sr28-09421",
  "sr28-13327",
  "sr28-11090",
  "sr28-20044",
];
const MEALS = ["breakfast", "lunch", "dinner", "snack"] as const;

/**
 * Creates, through the running app's API, a 28-day plan of 4 meals × 8 entries a day
 * (896 entries): day 1 is filled entry by entry (`grams(i)` for the i-th food of a meal)
 * and copied to days 2-28. Answers with the plan's id.
 */
export async function createFullMonthPlan(
  baseUrl: string,
  grams: (index: number) => number,
): Promise<string> {
  const { id: planId } = (await callMutation(baseUrl, "plans.create", {
    name: "Full month",
    dayCount: 28,
  })) as { id: string };
  for (const meal of MEALS) {
    for (const [i, foodId] of FULL_MONTH_FOODS.entries()) {
      await callMutation(baseUrl, "plans.addEntry", {
        planId,
        day: 1,
        meal,
        foodId,
        grams: grams(i),
      });
    }
  }
  await callMutation(baseUrl, "plans.copyDay", {
    planId,
    fromDay: 1,
    toDays: Array.from({ length: 27 }, (_, i) => i + 2),
  });
  return planId;
}
