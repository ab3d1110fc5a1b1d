/**
 * PostgreSQL vs SQLite under the same mixed load (issue 17, bench/results.md "PostgreSQL vs
 * SQLite"). Each configuration serves the real tRPC router from separate app processes
 * (tests/integration/processes/app-server.ts: Node http + tRPC's fetch adapter, no Next.js,
 * no sign-in; each call acts for one household):
 *
 *   - SQLite, one instance (the default installation) and two processes on one WAL file;
 *   - PostgreSQL (a throwaway local cluster, scripts/pg-cluster.ts), one and two instances.
 *
 * Per configuration: first the latency of foods.search and plans.totals with one client and
 * nothing else running (serial calls), then `BENCH_PG_CLIENTS` clients (default 16) for
 * `BENCH_PG_SECONDS` (default 15, after 3 s of warm-up), each working for one of
 * `BENCH_PG_HOUSEHOLDS` households (default 20) with its own 7-day plan of 84 entries, in
 * this mix: 40% foods.search (eight queries in turn), 30% plans.totals, 20% an entry added
 * or (once the client has added 10) its oldest removed, 10% shopping.list. With two
 * instances the clients alternate between them. Prints p50/p95 per procedure, throughput,
 * and every non-200 answer (errors must be 0).
 *
 * The cluster runs with fsync and synchronous_commit off (pg-cluster.ts: test settings),
 * SQLite with the app's settings (WAL, synchronous NORMAL): PostgreSQL's writes are
 * flattered. The load generator shares the machine's cores with the servers.
 *
 *   npx tsx bench/pg-load.bench.ts [sqlite|pg …]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { importFoodDatabasePg } from "../db/import/import-foods-pg";
import { migratePostgres, openPostgres } from "../db/pg-client";
import { startCluster } from "../scripts/pg-cluster";
import { type AppInstance, call, startAppInstance } from "../tests/integration/app-instance";
import { printTable, type Row, summarise } from "./stats";

const SECONDS = Number(process.env.BENCH_PG_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_PG_CLIENTS ?? 16);
const HOUSEHOLDS = Number(process.env.BENCH_PG_HOUSEHOLDS ?? 20);
const SERIAL_CALLS = 200;
const QUERIES = ["soy milk", "clams", "egg", "cheddar", "salmon", "yogurt", "beef liver", "tuna"];
const FOODS = ["sr28-01123", "sr28-15157", "sr28-16139", "sr28-01079", "sr28-08013"];
const MEALS = ["breakfast", "lunch", "dinner", "snack"] as const;

type Household = { id: string; planId: string };
type Sample = { procedure: string; ms: number; status: number };

async function ok<T>(promise: ReturnType<typeof call>): Promise<T> {
  const answer = await promise;
  if (answer.status !== 200) {
    throw new Error(`HTTP ${answer.status}: ${answer.error?.message ?? ""}`);
  }
  return answer.data as T;
}

/** Owners rows, then through the API a 7-day plan of 84 entries each. */
async function prepareHouseholds(
  insertOwner: (id: string) => Promise<void>,
  instance: AppInstance,
): Promise<Household[]> {
  const households: Household[] = [];
  for (let h = 0; h < HOUSEHOLDS; h += 1) {
    const id = `bench-${h}`;
    await insertOwner(id);
    const options = { mutation: true, household: id };
    const { id: planId } = await ok<{ id: string }>(
      call(instance.baseUrl, "plans.create", { name: `Week ${h}`, dayCount: 7 }, options),
    );
    for (let day = 1; day <= 7; day += 1) {
      for (const [m, meal] of MEALS.entries()) {
        for (let e = 0; e < 3; e += 1) {
          await ok(
            call(
              instance.baseUrl,
              "plans.addEntry",
              {
                planId,
                day,
                meal,
                foodId: FOODS[(day + m + e) % FOODS.length],
                grams: 50 + 10 * e,
              },
              options,
            ),
          );
        }
      }
    }
    households.push({ id, planId });
  }
  return households;
}

async function timed(
  samples: Sample[],
  procedure: string,
  promise: ReturnType<typeof call>,
): Promise<unknown> {
  const started = performance.now();
  const answer = await promise;
  samples.push({ procedure, ms: performance.now() - started, status: answer.status });
  return answer.data;
}

/** One client and nothing else: search and totals latency. */
async function serialLatency(instance: AppInstance, household: Household): Promise<Sample[]> {
  const samples: Sample[] = [];
  const options = { household: household.id };
  for (let i = 0; i < SERIAL_CALLS; i += 1) {
    await timed(
      samples,
      "foods.search",
      call(instance.baseUrl, "foods.search", { query: QUERIES[i % QUERIES.length] }, options),
    );
    await timed(
      samples,
      "plans.totals",
      call(instance.baseUrl, "plans.totals", { planId: household.planId }, options),
    );
  }
  return samples;
}

/** The mixed load until `until` (performance.now()); returns every call's sample. */
async function client(
  index: number,
  instances: AppInstance[],
  households: Household[],
  until: number,
): Promise<Sample[]> {
  const instance = instances[index % instances.length] as AppInstance;
  const household = households[index % households.length] as Household;
  const options = { household: household.id };
  const mutation = { ...options, mutation: true };
  const samples: Sample[] = [];
  const added: string[] = [];
  let seed = index + 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let i = 0;
  while (performance.now() < until) {
    const roll = random();
    i += 1;
    if (roll < 0.4) {
      await timed(
        samples,
        "foods.search",
        call(instance.baseUrl, "foods.search", { query: QUERIES[i % QUERIES.length] }, options),
      );
    } else if (roll < 0.7) {
      await timed(
        samples,
        "plans.totals",
        call(instance.baseUrl, "plans.totals", { planId: household.planId }, options),
      );
    } else if (roll < 0.9) {
      if (added.length >= 10) {
        const entryId = added.shift() as string;
        await timed(
          samples,
          "add/remove entry",
          call(instance.baseUrl, "plans.removeEntry", { entryId }, mutation),
        );
      } else {
        const data = (await timed(
          samples,
          "add/remove entry",
          call(
            instance.baseUrl,
            "plans.addEntry",
            {
              planId: household.planId,
              day: 1 + (i % 7),
              meal: MEALS[i % MEALS.length],
              foodId: FOODS[i % FOODS.length],
              grams: 100,
            },
            mutation,
          ),
        )) as { id?: string } | undefined;
        if (data?.id) added.push(data.id);
      }
    } else {
      await timed(
        samples,
        "shopping.list",
        call(instance.baseUrl, "shopping.list", { planId: household.planId }, options),
      );
    }
  }
  return samples;
}

function rowsOf(configuration: string, phase: string, samples: Sample[], seconds: number): Row[] {
  const procedures = [...new Set(samples.map((sample) => sample.procedure))].sort();
  const rows: Row[] = procedures.map((procedure) => {
    const own = samples.filter((sample) => sample.procedure === procedure);
    const good = summarise(own.filter((s) => s.status === 200).map((s) => s.ms));
    return {
      configuration,
      phase,
      procedure,
      calls: own.length,
      "p50 ms": good.p50,
      "p95 ms": good.p95,
      "non-200": own.filter((s) => s.status !== 200).length,
      "req/s": seconds > 0 ? own.length / seconds : "",
    };
  });
  if (seconds > 0) {
    const all = summarise(samples.filter((s) => s.status === 200).map((s) => s.ms));
    rows.push({
      configuration,
      phase,
      procedure: "all",
      calls: samples.length,
      "p50 ms": all.p50,
      "p95 ms": all.p95,
      "non-200": samples.filter((s) => s.status !== 200).length,
      "req/s": samples.length / seconds,
    });
  }
  return rows;
}

async function measure(
  configuration: string,
  instances: AppInstance[],
  households: Household[],
): Promise<Row[]> {
  const serial = await serialLatency(instances[0] as AppInstance, households[0] as Household);
  const rows = rowsOf(configuration, "1 client, serial", serial, 0);
  const warmUntil = performance.now() + 3000;
  await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => client(i, instances, households, warmUntil)),
  );
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const samples = (
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => client(i, instances, households, until)),
    )
  ).flat();
  const elapsed = (performance.now() - started) / 1000;
  rows.push(...rowsOf(configuration, `${CLIENTS} clients, mixed`, samples, elapsed));
  const errors = instances.flatMap((instance) =>
    instance
      .stderr()
      .split("\n")
      .filter((line) => /^(5xx|503) /.test(line)),
  );
  if (errors.length > 0) {
    console.error(`${configuration}: ${errors.length} server errors, first: ${errors[0]}`);
  }
  return rows;
}

async function withInstances<T>(
  count: number,
  env: Record<string, string>,
  run: (instances: AppInstance[]) => Promise<T>,
): Promise<T> {
  const instances = await Promise.all(
    Array.from({ length: count }, () => startAppInstance({ NODE_ENV: "production", ...env })),
  );
  try {
    return await run(instances);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

export async function benchSqlite(): Promise<Row[]> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-pg-load-"));
  const filePath = path.join(directory, "bench.db");
  try {
    const db = openDatabase(filePath);
    migrateDatabase(db);
    importFoodDatabase(db);
    const insert = db.$client.prepare("INSERT INTO owners (id, name) VALUES (?, ?)");
    const env = { DATABASE_PATH: filePath, DATABASE_URL: "" };
    const rows: Row[] = [];
    await withInstances(1, env, async ([instance]) => {
      const households = await prepareHouseholds(
        async (id) => void insert.run(id, id),
        instance as AppInstance,
      );
      rows.push(...(await measure("SQLite, 1 instance", [instance as AppInstance], households)));
      db.$client.close();
      await withInstances(2, env, async (two) => {
        rows.push(...(await measure("SQLite, 2 processes", two, households)));
      });
    });
    return rows;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function benchPostgres(): Promise<Row[]> {
  const cluster = await startCluster({ database: "b12_bench" });
  try {
    const db = openPostgres(cluster.url, { max: 2 });
    await migratePostgres(db);
    await importFoodDatabasePg(db);
    const env = { DATABASE_URL: cluster.url };
    const rows: Row[] = [];
    const insertOwner = async (id: string) => {
      await db.$client.query("INSERT INTO owners (id, name) VALUES ($1, $2)", [id, id]);
    };
    const households = await withInstances(1, env, async ([instance]) => {
      const made = await prepareHouseholds(insertOwner, instance as AppInstance);
      rows.push(...(await measure("PostgreSQL, 1 instance", [instance as AppInstance], made)));
      return made;
    });
    await withInstances(2, env, async (two) => {
      rows.push(...(await measure("PostgreSQL, 2 instances", two, households)));
    });
    await db.$client.end();
    return rows;
  } finally {
    cluster.stop();
  }
}

export const PG_LOAD_TITLE = `PostgreSQL vs SQLite: ${CLIENTS} clients, ${HOUSEHOLDS} households, ${SECONDS} s mixed load (40% search, 30% totals, 20% add/remove entry, 10% shopping list)`;

const invokedDirectly = process.argv[1] && /pg-load\.bench\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  const which = process.argv.slice(2);
  const wanted = (name: string) => which.length === 0 || which.includes(name);
  (async () => {
    const rows: Row[] = [];
    if (wanted("sqlite")) rows.push(...(await benchSqlite()));
    if (wanted("pg")) rows.push(...(await benchPostgres()));
    printTable(PG_LOAD_TITLE, rows);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
