/**
 * A throwaway PostgreSQL cluster for tests and CI (issue 17): `initdb` into a fresh
 * temporary directory, started with `pg_ctl` on a free port on 127.0.0.1, its unix socket
 * in that same directory (never /var/run/postgresql, which CI users cannot write), fsync
 * and synchronous commit off (its data is thrown away, so durability buys nothing).
 *
 * PostgreSQL refuses to run as root, so when this runs as root the server runs as an
 * unprivileged user (PG_CLUSTER_USER, else `postgres`, else `nobody`), switched to with
 * whichever of `runuser`, `setpriv` or `su` exists; as any other user it runs as that user.
 *
 *   npx tsx scripts/pg-cluster.ts start            prints DATABASE_URL=… and PG_CLUSTER_DIR=…
 *   npx tsx scripts/pg-cluster.ts stop [dir]       stops it, removes the directory
 *                                                  (dir defaults to $PG_CLUSTER_DIR)
 *   npx tsx scripts/pg-cluster.ts run -- cmd …     start, run cmd with DATABASE_URL set, stop
 *   npx tsx scripts/pg-cluster.ts cleanup          removes leftover clusters whose server died
 *
 * PG_CLUSTER_PORT asks for a port (another is used when it is taken); PG_BIN names the
 * directory of initdb and pg_ctl when they are not in /usr/lib/postgresql/N/bin or PATH.
 *
 * Imported, `startCluster()` resolves to `{ url, stop }`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  accessSync,
  appendFileSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type Cluster = {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, local only). */
  url: string;
  /** The cluster's directory: data in `data/`, the socket and the server log beside it. */
  directory: string;
  /** The unix socket's directory (for `psql -h`, or `?host=` in a node-postgres URL). */
  socketDirectory: string;
  port: number;
  /** Stops the server (fast shutdown) and removes the directory. Safe to call twice. */
  stop: () => void;
};

export type ClusterOptions = {
  /** Database created beside `postgres` (default: none). */
  database?: string;
  /** Extra `postgresql.conf` lines, e.g. `max_connections = 200`. */
  settings?: readonly string[];
  log?: (line: string) => void;
};

const DIRECTORY_PREFIX = "b12-pg-";
const SUPERUSER = "postgres";
const START_ATTEMPTS = 5;

/** Where initdb, pg_ctl and psql live: PG_BIN, the newest /usr/lib/postgresql/N/bin, or PATH. */
export function findPostgresBin(): string {
  const configured = process.env.PG_BIN?.trim();
  if (configured) return requireBin(configured);
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter(
        (name) => /^\d+$/.test(name) && existsSync(path.join(debianRoot, name, "bin", "initdb")),
      )
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debianRoot, versions[0], "bin");
  }
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    if (directory && isExecutable(path.join(directory, "initdb"))) return directory;
  }
  throw new Error(
    "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's `postgresql` package or set PG_BIN",
  );
}

function requireBin(directory: string): string {
  if (
    !isExecutable(path.join(directory, "initdb")) ||
    !isExecutable(path.join(directory, "pg_ctl"))
  ) {
    throw new Error(`PG_BIN=${directory} has no initdb and pg_ctl`);
  }
  return directory;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

type RunAs = { user: string | null; uid: number; gid: number; wrap: (argv: string[]) => string[] };

function commandExists(name: string): string | null {
  for (const directory of ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]) {
    const candidate = path.join(directory, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function userIds(user: string): { uid: number; gid: number } | null {
  const result = spawnSync("id", ["-u", user], { encoding: "utf8" });
  if (result.status !== 0) return null;
  const gid = spawnSync("id", ["-g", user], { encoding: "utf8" });
  return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** How to run the server's commands: directly, or as an unprivileged user when we are root. */
export function resolveRunAs(): RunAs {
  const uid = process.getuid?.() ?? -1;
  const gid = process.getgid?.() ?? -1;
  if (uid !== 0) return { user: null, uid, gid, wrap: (argv) => argv };
  const candidates = [process.env.PG_CLUSTER_USER?.trim(), "postgres", "nobody"].filter(
    (name): name is string => Boolean(name),
  );
  const user = candidates.find((name) => userIds(name) !== null);
  if (!user) throw new Error(`running as root and none of ${candidates.join(", ")} exists`);
  const ids = userIds(user) as { uid: number; gid: number };
  // PG_CLUSTER_SWITCH=setpriv|su forces one tool (the smoke test checks each that exists).
  const only = process.env.PG_CLUSTER_SWITCH?.trim();
  const allowed = (tool: string) => !only || only === tool;
  const runuser = allowed("runuser") ? commandExists("runuser") : null;
  if (runuser) return { user, ...ids, wrap: (argv) => [runuser, "-u", user, "--", ...argv] };
  const setpriv = allowed("setpriv") ? commandExists("setpriv") : null;
  if (setpriv) {
    return {
      user,
      ...ids,
      wrap: (argv) => [
        setpriv,
        `--reuid=${ids.uid}`,
        `--regid=${ids.gid}`,
        "--init-groups",
        "--reset-env",
        ...argv,
      ],
    };
  }
  const su = allowed("su") ? commandExists("su") : null;
  if (su) {
    return {
      user,
      ...ids,
      wrap: (argv) => [su, "-s", "/bin/sh", user, "-c", argv.map(shellQuote).join(" ")],
    };
  }
  throw new Error("running as root, but none of runuser, setpriv or su exists to drop privileges");
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The caller's environment without PG* variables (PGDATA, PGPORT… would point elsewhere). */
function serverEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };
  for (const key of Object.keys(env)) if (key.startsWith("PG")) delete env[key];
  env.PATH ??= "/usr/bin:/bin";
  return env;
}

function run(runAs: RunAs, argv: string[], options: { allowFailure?: boolean } = {}) {
  const [command, ...args] = runAs.wrap(argv);
  const result = spawnSync(command as string, args, {
    encoding: "utf8",
    env: serverEnvironment(),
    cwd: "/",
  });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(
      `${argv.join(" ")} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`,
    );
  }
  return result;
}

/** A TCP port nobody listens on right now on 127.0.0.1 (the OS picks it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** Starts a fresh cluster; throws with the server log's tail when it cannot. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? (() => {});
  const bin = findPostgresBin();
  const runAs = resolveRunAs();
  const directory = mkdtempSync(path.join(tmpdir(), DIRECTORY_PREFIX));
  const dataDirectory = path.join(directory, "data");
  const logFile = path.join(directory, "server.log");
  const removeDirectory = () => rmSync(directory, { recursive: true, force: true });
  try {
    if (runAs.user) chownSync(directory, runAs.uid, runAs.gid);
    log(`initdb ${dataDirectory}${runAs.user ? ` as ${runAs.user}` : ""}`);
    // C collation: text sorts by code point, as in SQLite (ORDER BY name must agree);
    // a UTF-8 ctype so lower()/upper() and the full-text parser know non-ASCII letters.
    run(runAs, [
      path.join(bin, "initdb"),
      "-D",
      dataDirectory,
      "-U",
      SUPERUSER,
      "--auth=trust",
      "--encoding=UTF8",
      "--lc-collate=C",
      "--lc-ctype=C.UTF-8",
      "--no-sync",
    ]);
    const settings = [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${directory}'`,
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "max_connections = 100",
      "shared_buffers = 32MB",
      ...(options.settings ?? []),
    ];
    const conf = path.join(dataDirectory, "postgresql.conf");
    appendFileSync(conf, `\n# scripts/pg-cluster.ts\n${settings.join("\n")}\n`);
    const port = await startOnFreePort(runAs, bin, dataDirectory, conf, logFile, log);
    writeFileSync(path.join(directory, "cluster.json"), JSON.stringify({ port, bin }));
    if (runAs.user) chownSync(path.join(directory, "cluster.json"), runAs.uid, runAs.gid);
    const stop = () => stopClusterDirectory(directory);
    if (options.database) {
      run(runAs, [
        path.join(bin, "createdb"),
        "-h",
        directory,
        "-p",
        String(port),
        "-U",
        SUPERUSER,
        options.database,
      ]);
    }
    const database = options.database ?? "postgres";
    return {
      url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`,
      directory,
      socketDirectory: directory,
      port,
      stop,
    };
  } catch (error) {
    const tail = existsSync(logFile)
      ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n")
      : "";
    const dataExists = existsSync(path.join(dataDirectory, "postmaster.pid"));
    if (dataExists)
      run(runAs, [path.join(bin, "pg_ctl"), "-D", dataDirectory, "-m", "immediate", "stop"], {
        allowFailure: true,
      });
    removeDirectory();
    throw new Error(`${(error as Error).message}${tail ? `\nserver log:\n${tail}` : ""}`);
  }
}

/**
 * The first attempt uses PG_CLUSTER_PORT when set, later ones a port the OS says is free.
 * Either can be taken by the time the server binds it (another job's cluster, a test
 * server): then `pg_ctl start` fails with "Address already in use" and we try another.
 */
async function startOnFreePort(
  runAs: RunAs,
  bin: string,
  dataDirectory: string,
  conf: string,
  logFile: string,
  log: (line: string) => void,
): Promise<number> {
  let lastError: Error | null = null;
  const preferred = Number(process.env.PG_CLUSTER_PORT);
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt += 1) {
    const port =
      attempt === 1 && Number.isInteger(preferred) && preferred > 0
        ? preferred
        : await findFreePort();
    appendFileSync(conf, `port = ${port}\n`);
    log(`pg_ctl start on port ${port} (attempt ${attempt})`);
    const result = run(
      runAs,
      [path.join(bin, "pg_ctl"), "-D", dataDirectory, "-l", logFile, "-w", "-t", "30", "start"],
      { allowFailure: true },
    );
    if (result.status === 0) return port;
    const serverLog = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
    lastError = new Error(`pg_ctl start failed: ${(result.stderr || result.stdout).trim()}`);
    if (
      !/Address already in use|could not create any TCP\/IP sockets|lock file .* already exists/i.test(
        serverLog,
      )
    ) {
      throw lastError;
    }
  }
  throw lastError ?? new Error("pg_ctl start failed");
}

/** Stops the cluster in `directory` (if it still runs) and removes the directory. */
export function stopClusterDirectory(directory: string): void {
  const resolved = path.resolve(directory);
  if (!path.basename(resolved).startsWith(DIRECTORY_PREFIX)) {
    throw new Error(`${resolved} is not a directory made by pg-cluster.ts (${DIRECTORY_PREFIX}*)`);
  }
  if (!existsSync(resolved)) return;
  const dataDirectory = path.join(resolved, "data");
  if (existsSync(path.join(dataDirectory, "postmaster.pid"))) {
    const runAs = resolveRunAs();
    const bin = clusterBin(resolved);
    // fast: disconnect clients and stop now; immediate if that does not finish in time.
    const fast = run(
      runAs,
      [path.join(bin, "pg_ctl"), "-D", dataDirectory, "-m", "fast", "-w", "-t", "20", "stop"],
      {
        allowFailure: true,
      },
    );
    if (fast.status !== 0 && serverAlive(dataDirectory)) {
      run(runAs, [path.join(bin, "pg_ctl"), "-D", dataDirectory, "-m", "immediate", "stop"], {
        allowFailure: true,
      });
    }
  }
  rmSync(resolved, { recursive: true, force: true });
}

function clusterBin(directory: string): string {
  try {
    const saved = JSON.parse(readFileSync(path.join(directory, "cluster.json"), "utf8")) as {
      bin?: string;
    };
    if (saved.bin && isExecutable(path.join(saved.bin, "pg_ctl"))) return saved.bin;
  } catch {
    // No record (start failed half-way): use the binaries we would use now.
  }
  return findPostgresBin();
}

/** Whether the postmaster recorded in `postmaster.pid` is still running. */
function serverAlive(dataDirectory: string): boolean {
  const pidFile = path.join(dataDirectory, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (still alive).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Leftover cluster directories (a killed CI job, a crashed test run). Those whose server is
 * gone are removed; those still running are only listed unless `stopRunning` (another
 * job may be using them). Returns the directories removed.
 */
export function cleanupLeftovers(options: { stopRunning?: boolean } = {}): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIRECTORY_PREFIX)) continue;
    const directory = path.join(tmpdir(), name);
    try {
      if (!statSync(directory).isDirectory()) continue;
    } catch {
      continue;
    }
    if (serverAlive(path.join(directory, "data")) && !options.stopRunning) continue;
    stopClusterDirectory(directory);
    removed.push(directory);
  }
  return removed;
}

/** Runs one SQL text with psql over the cluster's socket; returns its unaligned output. */
export function psql(cluster: Pick<Cluster, "socketDirectory" | "port">, sqlText: string): string {
  return execFileSync(
    path.join(findPostgresBin(), "psql"),
    [
      "-h",
      cluster.socketDirectory,
      "-p",
      String(cluster.port),
      "-U",
      SUPERUSER,
      "-d",
      "postgres",
      "-XAtqc",
      sqlText,
    ],
    { encoding: "utf8" },
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string) => process.stderr.write(`pg-cluster: ${line}\n`);
  switch (command) {
    case "start": {
      const cluster = await startCluster({ log, database: rest[0] });
      process.stdout.write(
        `DATABASE_URL=${cluster.url}\nPG_CLUSTER_DIR=${cluster.directory}\nPGHOST=${cluster.socketDirectory}\nPGPORT=${cluster.port}\n`,
      );
      return 0;
    }
    case "stop": {
      const directory = rest[0] ?? process.env.PG_CLUSTER_DIR;
      if (!directory) {
        log("stop needs the cluster directory (argument or PG_CLUSTER_DIR)");
        return 2;
      }
      stopClusterDirectory(directory);
      log(`stopped and removed ${directory}`);
      return 0;
    }
    case "run": {
      const separator = rest.indexOf("--");
      const commandLine = separator >= 0 ? rest.slice(separator + 1) : rest;
      if (commandLine.length === 0) {
        log("run needs a command: run -- npm test");
        return 2;
      }
      const cluster = await startCluster({ log });
      const stopOnSignal = () => {
        cluster.stop();
        process.exit(130);
      };
      process.once("SIGINT", stopOnSignal);
      process.once("SIGTERM", stopOnSignal);
      try {
        const [program, ...args] = commandLine;
        const child = spawnSync(program as string, args, {
          stdio: "inherit",
          env: {
            ...process.env,
            DATABASE_URL: cluster.url,
            PG_CLUSTER_DIR: cluster.directory,
            PGHOST: cluster.socketDirectory,
            PGPORT: String(cluster.port),
            PGUSER: SUPERUSER,
          },
        });
        return child.status ?? 1;
      } finally {
        cluster.stop();
        log(`stopped and removed ${cluster.directory}`);
      }
    }
    case "cleanup": {
      for (const directory of cleanupLeftovers({ stopRunning: rest.includes("--stop-running") })) {
        log(`removed ${directory}`);
      }
      return 0;
    }
    default:
      process.stderr.write(
        "usage: pg-cluster.ts start [database] | stop [dir] | run -- <command…> | cleanup [--stop-running]\n",
      );
      return 2;
  }
}

const invokedDirectly = process.argv[1] && /pg-cluster\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`pg-cluster: ${error.message}\n`);
      process.exit(1);
    },
  );
}
