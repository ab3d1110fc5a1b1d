/**
 * scripts/compile-hints.ts on a build directory laid out like Next's: the chunks pages load
 * at start get `//# allFunctionsCalledOnLoad` as their first line, once; chunks loaded on
 * demand and other files are left as they are.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  applyCompileHints,
  parseClientReferenceManifest,
  startupChunks,
  withCompileHint,
} from "../../scripts/compile-hints";

let build: string;

function put(relative: string, text: string): void {
  const file = path.join(build, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const read = (relative: string) => readFileSync(path.join(build, relative), "utf8");

const manifest = (route: string, entries: Record<string, string[]>) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["${route}"] = ${JSON.stringify(
    { moduleLoading: { prefix: "" }, clientModules: {}, entryJSFiles: entries },
  )};\n`;

beforeEach(() => {
  build = mkdtempSync(path.join(tmpdir(), "b12-hints-"));
  put(
    "build-manifest.json",
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfill.js"],
      rootMainFiles: ["static/chunks/react-dom.js", "static/chunks/turbopack-runtime.js"],
    }),
  );
  put(
    "server/app/plans/[planId]/page_client-reference-manifest.js",
    manifest("/plans/[planId]/page", {
      "[project]/app/layout": ["static/chunks/layout.js", "static/chunks/layout.css"],
      "[project]/app/plans/[planId]/page": ["static/chunks/layout.js", "static/chunks/editor.js"],
    }),
  );
  put(
    "server/app/learn/page_client-reference-manifest.js",
    manifest("/learn/page", { "[project]/app/layout": ["static/chunks/layout.js"] }),
  );
  for (const name of ["react-dom", "turbopack-runtime", "layout", "editor", "charts", "polyfill"]) {
    put(`static/chunks/${name}.js`, `(globalThis.TURBOPACK||[]).push(["${name}"]);\n`);
  }
  put("static/chunks/layout.css", "body{margin:0}\n");
});

afterEach(() => rmSync(build, { recursive: true, force: true }));

describe("compile hints", () => {
  it("adds the hint as the first line, once", () => {
    expect(withCompileHint("let a = 1;\n")).toBe("//# allFunctionsCalledOnLoad\nlet a = 1;\n");
    expect(withCompileHint("//# allFunctionsCalledOnLoad\nlet a = 1;\n")).toBe(
      "//# allFunctionsCalledOnLoad\nlet a = 1;\n",
    );
    // A hint further down does not count: V8 reads it only at the top.
    expect(withCompileHint("let a;\n//# allFunctionsCalledOnLoad\n")).toBe(
      "//# allFunctionsCalledOnLoad\nlet a;\n//# allFunctionsCalledOnLoad\n",
    );
  });

  it("reads a client reference manifest's entry chunks", () => {
    expect(
      parseClientReferenceManifest(manifest("/x/page", { a: ["static/chunks/a.js"] })).entryJSFiles,
    ).toEqual({ a: ["static/chunks/a.js"] });
    expect(() => parseClientReferenceManifest("module.exports = {}")).toThrow(
      "not a client reference manifest",
    );
  });

  it("finds the framework's chunks and every page's and layout's, without CSS or lazy chunks", () => {
    expect(startupChunks(build)).toEqual([
      "static/chunks/editor.js",
      "static/chunks/layout.js",
      "static/chunks/react-dom.js",
      "static/chunks/turbopack-runtime.js",
    ]);
  });

  it("marks the start-up chunks and nothing else; a second run changes nothing", () => {
    expect(applyCompileHints(build)).toMatchObject({ marked: 4, already: 0 });
    for (const name of ["react-dom", "turbopack-runtime", "layout", "editor"]) {
      expect(read(`static/chunks/${name}.js`)).toBe(
        `//# allFunctionsCalledOnLoad\n(globalThis.TURBOPACK||[]).push(["${name}"]);\n`,
      );
    }
    // Loaded on demand (charts) or never by modern browsers (polyfills): left lazy.
    expect(read("static/chunks/charts.js")).toBe('(globalThis.TURBOPACK||[]).push(["charts"]);\n');
    expect(read("static/chunks/polyfill.js")).toBe(
      '(globalThis.TURBOPACK||[]).push(["polyfill"]);\n',
    );
    expect(read("static/chunks/layout.css")).toBe("body{margin:0}\n");

    expect(applyCompileHints(build)).toMatchObject({ marked: 0, already: 4 });
    expect(read("static/chunks/editor.js").match(/allFunctionsCalledOnLoad/g)).toHaveLength(1);
  });
});
