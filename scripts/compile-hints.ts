/**
 * After `next build`: marks the JavaScript every page loads at start for eager compilation
 * (V8's explicit compile hints, Chrome 136+: a first line `//# allFunctionsCalledOnLoad`;
 * https://v8.dev/blog/explicit-compile-hints). Without it V8 only pre-parses a script's
 * functions and compiles each on the main thread at its first call: on the plan page that
 * was 65-115 ms of CPU (260-460 ms at 4× slowdown) in the one task that starts the app
 * after the first paint, most of the page's Total Blocking Time. With the hint the
 * compilation runs on a background thread while the script streams in
 * (bench/results.md, "Compile hints").
 *
 * Only the chunks of the first load are marked: the framework's (build-manifest.json's
 * rootMainFiles) and each page's and layout's own (`entryJSFiles` of the client reference
 * manifests). Chunks loaded later on demand (the charts' Recharts) stay lazy: most of
 * their functions never run, and V8 advises against hinting such code.
 *
 * Browsers without the feature read a comment. Idempotent: a marked file is left as it
 * is. `npm run build` runs it; alone: `npx tsx scripts/compile-hints.ts [.next]`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** `source` with the hint as its first line (unchanged if it has it already). */
export function withCompileHint(source: string): string {
  return source.startsWith(`${COMPILE_HINT}\n`) ? source : `${COMPILE_HINT}\n${source}`;
}

/** The object a client reference manifest assigns (`globalThis.__RSC_MANIFEST[…] = {…}`). */
export function parseClientReferenceManifest(text: string): {
  entryJSFiles?: Record<string, string[]>;
} {
  const assignment = text.indexOf("__RSC_MANIFEST[");
  const start = assignment < 0 ? -1 : text.indexOf("= {", assignment);
  if (start < 0) throw new Error("not a client reference manifest");
  return JSON.parse(
    text
      .slice(start + 2)
      .trim()
      .replace(/;$/, ""),
  ) as {
    entryJSFiles?: Record<string, string[]>;
  };
}

function manifestsUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith("_client-reference-manifest.js"))
    .map((name) => path.join(directory, name));
}

/** The chunks (paths under `.next/`, e.g. `static/chunks/x.js`) that pages load at start. */
export function startupChunks(buildDirectory: string): string[] {
  const build = JSON.parse(
    readFileSync(path.join(buildDirectory, "build-manifest.json"), "utf8"),
  ) as { rootMainFiles?: string[] };
  const chunks = new Set(build.rootMainFiles ?? []);
  for (const file of manifestsUnder(path.join(buildDirectory, "server", "app"))) {
    const manifest = parseClientReferenceManifest(readFileSync(file, "utf8"));
    for (const files of Object.values(manifest.entryJSFiles ?? {})) {
      for (const chunk of files) chunks.add(chunk);
    }
  }
  return [...chunks].filter((chunk) => chunk.endsWith(".js")).sort();
}

/** Marks every start-up chunk of the build in `buildDirectory`; answers what it did. */
export function applyCompileHints(buildDirectory: string): {
  marked: number;
  already: number;
  bytes: number;
} {
  let marked = 0;
  let already = 0;
  let bytes = 0;
  for (const chunk of startupChunks(buildDirectory)) {
    const file = path.join(buildDirectory, chunk);
    const source = readFileSync(file, "utf8");
    const hinted = withCompileHint(source);
    bytes += Buffer.byteLength(source);
    if (hinted === source) {
      already += 1;
      continue;
    }
    writeFileSync(file, hinted);
    marked += 1;
  }
  return { marked, already, bytes };
}

if (process.argv[1]?.endsWith("compile-hints.ts")) {
  const directory = process.argv[2] ?? ".next";
  const { marked, already, bytes } = applyCompileHints(directory);
  console.log(
    `compile hints: ${marked} start-up chunks marked, ${already} already marked (${Math.round(bytes / 1024)} KiB)`,
  );
}
