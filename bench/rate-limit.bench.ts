/**
 * What better-auth's rate limit costs per request to /api/auth, by where it counts
 * (issue 17): in this process's memory, or in the database (`auth_rate_limits`, one
 * indexed read and one conditional UPDATE per request), against the limit switched off.
 *
 * The request is `GET /api/auth/get-session` without a cookie (no session lookup, so the
 * rate-limit step is most of the work), from 200 client addresses in turn: every address
 * has its row (the first pass, not timed, inserts them), so each timed request is the
 * common case, an update of the counter. Variants alternate in rounds, in one process.
 *
 * The dialect is the process's (db/schema.ts): SQLite on a temporary file by default;
 * PostgreSQL on a scratch database beside DATABASE_URL's:
 *
 *   npx tsx bench/rate-limit.bench.ts
 *   npx tsx scripts/pg-cluster.ts run -- npx tsx bench/rate-limit.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase, openDatabase } from "../db/client";
import { configuredPostgresUrl } from "../db/database-url";
import type { AppDatabase } from "../db/dialect";
import { migratePostgres, openPostgres } from "../db/pg-client";
import { createAuth } from "../server/auth/auth";
import { printTable, type Row, summarise } from "./stats";

const ADDRESSES = 200;
const ROUNDS = 3;
const PER_ROUND = 1_000;

type Variant = { name: string; handler: (request: Request) => Promise<Response> };

function request(index: number): Request {
  const address = `198.51.100.${index % ADDRESSES}`;
  return new Request("http://localhost:3000/api/auth/get-session", {
    headers: { host: "localhost:3000", "x-forwarded-for": address },
  });
}

async function timeVariant(variant: Variant, offset: number, samples: number[]): Promise<void> {
  for (let i = 0; i < PER_ROUND; i += 1) {
    const started = performance.now();
    const response = await variant.handler(request(offset + i));
    samples.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${variant.name}: status ${response.status}`);
  }
}

async function open(): Promise<{ db: AppDatabase; label: string; close: () => Promise<void> }> {
  const base = configuredPostgresUrl();
  if (!base) {
    const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-rate-limit-"));
    const db = openDatabase(path.join(directory, "bench.db"));
    migrateDatabase(db);
    return {
      db,
      label: "SQLite (WAL, synchronous=NORMAL)",
      close: async () => {
        db.$client.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  const name = `b12_bench_rate_limit_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 4 });
  await migratePostgres(db);
  return {
    db: db as unknown as AppDatabase,
    label: "PostgreSQL (local throwaway cluster, TCP 127.0.0.1)",
    close: async () => {
      await db.$client.end();
      await admin.query(`DROP DATABASE "${name}"`);
      await admin.end();
    },
  };
}

async function main(): Promise<void> {
  const { db, label, close } = await open();
  try {
    const variants: Variant[] = [];
    for (const [name, options] of [
      ["limit off", { rateLimit: false }],
      ["memory", { rateLimit: true, rateLimitStorage: "memory" }],
      ["database", { rateLimit: true, rateLimitStorage: "database" }],
    ] as const) {
      const auth = await createAuth(db, options);
      variants.push({ name, handler: (r) => auth.handler(r) });
    }
    // Warm-up: every address gets its counter (row or memory entry) in every variant.
    for (const variant of variants) {
      for (let i = 0; i < ADDRESSES; i += 1) await variant.handler(request(i));
    }
    const samples = new Map(variants.map((variant) => [variant.name, [] as number[]]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of variants) {
        await timeVariant(variant, round * PER_ROUND, samples.get(variant.name) ?? []);
      }
    }
    const rows: Row[] = variants.map((variant) => {
      const { n, p50, p95, max } = summarise(samples.get(variant.name) ?? []);
      return { storage: variant.name, requests: n, "p50 ms": p50, "p95 ms": p95, "max ms": max };
    });
    printTable(`GET /api/auth/get-session, rate-limit storage: ${label}`, rows);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
