/**
 * Helpers for the PostgreSQL process tests (pg-faults, pg-instances) and the load bench:
 * start an app instance (tests/integration/processes/app-server.ts) in its own process on
 * a database URL, call its tRPC procedures over HTTP, and stop or restart a cluster made
 * by scripts/pg-cluster.ts without removing it.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { findPostgresBin, resolveRunAs } from "../../scripts/pg-cluster";

const SERVER = path.join(import.meta.dirname, "processes", "app-server.ts");
const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type AppInstance = {
  baseUrl: string;
  /** What the instance wrote to stderr so far (5xx lines, crashes). */
  stderr: () => string;
  stop: () => Promise<void>;
};

/** Starts one app instance on `env` (DATABASE_URL or DATABASE_PATH); resolves once it listens. */
export function startAppInstance(env: Record<string, string>): Promise<AppInstance> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", SERVER], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (!match) return;
      resolve({
        baseUrl: `http://127.0.0.1:${match[1]}`,
        stderr: () => stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`app-server exited with ${code}:\n${stderr}`)));
  });
}

export type Answer = {
  status: number;
  /** `result.data` of a success. */
  data: unknown;
  /** `error` of a failure: message and data.code / data.httpStatus. */
  error: { message: string; data: { code: string; httpStatus: number } } | null;
};

/** Calls one procedure: a query (GET) unless `mutation`; never throws on an HTTP status. */
export async function call(
  baseUrl: string,
  procedure: string,
  input: unknown,
  options: { mutation?: boolean; household?: string; cookie?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.household) headers["x-household"] = options.household;
  if (options.cookie) headers.cookie = options.cookie;
  const url = `${baseUrl}/api/trpc/${procedure}`;
  const response = options.mutation
    ? await fetch(url, { method: "POST", headers, body: JSON.stringify(input ?? null) })
    : await fetch(
        input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers },
      );
  const text = await response.text();
  let body: { result?: { data?: unknown }; error?: Answer["error"] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { error: { message: text, data: { code: "NOT_JSON", httpStatus: response.status } } };
  }
  return { status: response.status, data: body.result?.data, error: body.error ?? null };
}

/** Creates an account over HTTP (the first one from 127.0.0.1 needs no setup code); its cookie. */
export async function signUp(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: "correct horse battery", name: email }),
  });
  if (!response.ok) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  const pair = response.headers.getSetCookie().find((line) => line.includes("session_token"));
  if (!pair) throw new Error("sign-up: no session cookie");
  return pair.split(";")[0] as string;
}

/** pg_ctl on a cluster made by scripts/pg-cluster.ts, as the user that owns it. */
function pgCtl(directory: string, args: string[]): void {
  const runAs = resolveRunAs();
  const [command, ...rest] = runAs.wrap([
    path.join(findPostgresBin(), "pg_ctl"),
    "-D",
    path.join(directory, "data"),
    ...args,
  ]);
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LANG: "C.UTF-8",
    NODE_ENV: process.env.NODE_ENV,
  } as NodeJS.ProcessEnv;
  const result = spawnSync(command as string, rest, { encoding: "utf8", env, cwd: "/" });
  if (result.status !== 0) {
    throw new Error(`pg_ctl ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  }
}

/** Stops the server now: "immediate" is a crash (no shutdown checkpoint), "fast" a clean stop. */
export function stopServer(directory: string, mode: "immediate" | "fast"): void {
  pgCtl(directory, ["-m", mode, "-w", "-t", "30", "stop"]);
}

/** Starts it again on the same port and data (crash recovery after "immediate"). */
export function startServer(directory: string): void {
  pgCtl(directory, ["-l", path.join(directory, "server.log"), "-w", "-t", "60", "start"]);
}
