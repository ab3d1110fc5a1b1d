/**
 * The framework's floor on this machine (issue 13): the same two measurements as
 * bench/plan-page.bench.ts (TBT of 8 loads at 4× CPU, Lighthouse's performance score) on
 * an empty Next.js page: one heading and one paragraph, no client code of its own, the
 * same Next.js and React, built with and without the compile hints `npm run build` adds
 * (scripts/compile-hints.ts). It tells how much of the plan page's figures the framework
 * and the machine set before the app adds anything.
 *
 * The empty app is written to tmp/framework-floor/ (ignored by git and tsc), built there
 * (it resolves next and react from this repo's node_modules) and served by `next start`.
 * Run it alone on an otherwise idle machine: `npx tsx bench/framework-floor.bench.ts`
 * (LIGHTHOUSE_RUNS=0 skips Lighthouse).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyCompileHints } from "../scripts/compile-hints";
import { freePort } from "../tests/e2e/harness";
import { lighthouseScores } from "./lighthouse.bench";
import { blockingTimes, median } from "./plan-page.bench";
import { printTable, type Row } from "./stats";

const DIRECTORY = path.join(process.cwd(), "tmp", "framework-floor");
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 10);

const FILES: Record<string, string> = {
  "app/layout.tsx": `export const metadata = { title: "Floor", description: "An empty page" };
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.tsx": `export default function Page() {
  return (
    <main>
      <h1>Vitamin B12</h1>
      <p>A page with no client code of its own: the floor the framework sets.</p>
    </main>
  );
}
`,
};

function writeApp(): void {
  rmSync(DIRECTORY, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(DIRECTORY, file)), { recursive: true });
    writeFileSync(path.join(DIRECTORY, file), text);
  }
}

function build(): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build", DIRECTORY], {
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0)
    throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
}

async function serve(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const server: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, "start", DIRECTORY, "-p", String(port), "-H", "127.0.0.1"],
    { stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (attempt > 100) throw new Error("the empty app did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop: () => server.kill() };
}

async function measure(label: string): Promise<Row> {
  const app = await serve();
  try {
    for (let i = 0; i < 3; i += 1) await (await fetch(app.url)).text();
    // No account here: any cookie will do for the shared helpers.
    const tbt = await blockingTimes(app.url, app.url, "none=none");
    const scores: number[] = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
      scores.push((await lighthouseScores(app.url, "none=none")).performance);
    }
    return {
      build: label,
      "TBT median ms (8 loads, 4× CPU)": Math.round(median(tbt)),
      "TBT each": tbt.map(Math.round).join(" "),
      "Lighthouse perf ≥ 90": `${scores.filter((score) => score >= 90).length} of ${scores.length}`,
      "Lighthouse perf scores": scores.join(" "),
    };
  } finally {
    app.stop();
  }
}

export async function benchFrameworkFloor(): Promise<Row[]> {
  writeApp();
  try {
    build();
    const rows = [await measure("empty Next.js page, no compile hints")];
    applyCompileHints(path.join(DIRECTORY, ".next"));
    rows.push(await measure("empty Next.js page, compile hints"));
    return rows;
  } finally {
    rmSync(DIRECTORY, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("framework-floor.bench.ts")) {
  benchFrameworkFloor()
    .then((rows) =>
      printTable("The framework's floor: an empty Next.js page, same measurements", rows),
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
