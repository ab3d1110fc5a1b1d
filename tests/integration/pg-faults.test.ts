/**
 * PostgreSQL going away under a running app (issue 17, "Bad input and faults"): a cluster
 * of this test's own (scripts/pg-cluster.ts), stopped and started again while an app
 * instance (tests/integration/processes/app-server.ts, the real tRPC router over HTTP in
 * its own process) serves requests.
 *
 *  - A write in flight when the server dies (pg_ctl stop -m immediate, then -m fast) answers
 *    503 SERVICE_UNAVAILABLE with the message for people, never a 500.
 *  - Requests while the server is down answer 503 too (connection refused), also a
 *    signed-in one whose session must be read first (better-auth hides the cause: the
 *    context asks the database itself).
 *  - After the restart nothing of the interrupted writes is there (their transactions
 *    rolled back: no food row, no portion row, the household's data_version as before), and
 *    the same instance serves again without a restart of its own (the pool recovers).
 *
 *  - A page asked for while the server is down answers the 503 page for people (proxy.ts
 *    probes before a render: Next.js would otherwise show its 500 page), with Retry-After
 *    and a "Try again" link to the same page; the API is left to answer its own 503. Once
 *    the server is back the same proxy lets pages through again.
 *
 * The write is held in flight by a trigger that sleeps after the custom food's row and
 * before its portions are in: the transaction has changed the owners row and inserted the
 * food when the server stops.
 *
 * Runs in `npm run test:pg` (B12_PG_TEST_URL set: PostgreSQL binaries are there); it
 * needs only the binaries, not that cluster. Alone:
 * `npx tsx scripts/pg-cluster.ts run -- sh -c 'B12_PG_TEST_URL=$DATABASE_URL DATABASE_URL= npx vitest run tests/integration/pg-faults.test.ts'`.
 */
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres, openPostgres } from "@/db/pg-client";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/server/errors";
import { type Cluster, startCluster } from "../../scripts/pg-cluster";
import { onPostgres, postgresTitle } from "../pg-scratch";
import {
  type AppInstance,
  call,
  signUp,
  startAppInstance,
  startServer,
  stopServer,
} from "./app-instance";

let cluster: Cluster;
let app: AppInstance;

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function dataVersion(): Promise<number> {
  const [row] = await query<{ v: number }>(
    `SELECT data_version::int AS v FROM owners WHERE id = 'local'`,
  );
  return row?.v ?? Number.NaN;
}

/** Resolves once a backend sleeps in the trigger (the write is in flight, uncommitted). */
async function untilStalled(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [row] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep'`,
    );
    if ((row?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the write never reached the trigger");
}

const customFood = (name: string) => ({
  name,
  servingGrams: 250,
  b12: { micrograms: 1.2 },
  diet: "vegan",
  fortified: true,
  portions: [{ label: "cup", grams: 240 }],
});

beforeAll(async () => {
  if (!onPostgres) return;
  cluster = await startCluster({ database: "b12_faults" });
  const db = openPostgres(cluster.url, { max: 1 });
  await migratePostgres(db);
  await db.$client.end();
  // Stalls the portions' insert of a food named "In flight …" (one sleeping backend).
  await query(`
    CREATE FUNCTION test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM foods WHERE id = NEW.food_id AND name LIKE 'In flight%') THEN
        PERFORM pg_sleep(60);
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_stall BEFORE INSERT ON food_portions
      FOR EACH ROW EXECUTE FUNCTION test_stall();
  `);
  app = await startAppInstance({ DATABASE_URL: cluster.url });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  cluster?.stop();
});

describe.skipIf(!onPostgres)(postgresTitle("PostgreSQL lost during requests"), () => {
  for (const mode of ["immediate", "fast"] as const) {
    it(`a write in flight at pg_ctl stop -m ${mode} answers 503 and leaves nothing behind`, async () => {
      const before = await call(
        app.baseUrl,
        "plans.create",
        { name: `Before ${mode}`, dayCount: 7 },
        {
          mutation: true,
        },
      );
      expect(before.status).toBe(200);
      const version = await dataVersion();
      const name = `In flight ${mode}`;

      const inFlight = call(app.baseUrl, "foods.createCustom", customFood(name), {
        mutation: true,
      });
      await untilStalled();
      stopServer(cluster.directory, mode);
      const answer = await inFlight;
      expect(answer.status).toBe(503);
      expect(answer.error?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
      expect(answer.error?.data.code).toBe("SERVICE_UNAVAILABLE");

      // Down: a read and a write both answer 503 at once (connection refused).
      const read = await call(app.baseUrl, "plans.list", undefined);
      const write = await call(
        app.baseUrl,
        "plans.create",
        { name: "While down", dayCount: 7 },
        {
          mutation: true,
        },
      );
      expect([read.status, read.error?.message]).toEqual([503, DATABASE_UNAVAILABLE_MESSAGE]);
      expect([write.status, write.error?.message]).toEqual([503, DATABASE_UNAVAILABLE_MESSAGE]);

      startServer(cluster.directory);
      // Nothing half-applied: no food, no portion, the household's version unchanged.
      expect(
        await query(`SELECT id FROM foods WHERE name LIKE 'In flight%' OR name = 'While down'`),
      ).toEqual([]);
      expect(
        await query(
          `SELECT p.id FROM food_portions p LEFT JOIN foods f ON f.id = p.food_id WHERE f.id IS NULL`,
        ),
      ).toEqual([]);
      expect(await query(`SELECT id FROM plans WHERE name = 'While down'`)).toEqual([]);
      expect(await dataVersion()).toBe(version);

      // The same instance serves again: its pool dropped the dead connections.
      const after = await call(
        app.baseUrl,
        "plans.create",
        { name: `After ${mode}`, dayCount: 7 },
        {
          mutation: true,
        },
      );
      expect(after.status).toBe(200);
      const list = await call(app.baseUrl, "plans.list", undefined);
      expect(list.status).toBe(200);
      expect((list.data as { name: string }[]).map((plan) => plan.name).sort()).toEqual(
        (mode === "immediate"
          ? ["After immediate", "Before immediate"]
          : ["After fast", "After immediate", "Before fast", "Before immediate"]
        ).sort(),
      );
      // No request of this test ended in a 500.
      expect(app.stderr()).not.toMatch(/^5xx /m);
    }, 120_000);
  }

  it("a signed-in request while PostgreSQL is down answers 503, and the session works after", async () => {
    const cookie = await signUp(app.baseUrl, "faults@example.org");
    // The cookie is not in the instance's session memory yet: the session is read first.
    stopServer(cluster.directory, "fast");
    try {
      const down = await call(app.baseUrl, "plans.list", undefined, { cookie });
      expect([down.status, down.error?.data.code, down.error?.message]).toEqual([
        503,
        "SERVICE_UNAVAILABLE",
        DATABASE_UNAVAILABLE_MESSAGE,
      ]);
    } finally {
      startServer(cluster.directory);
    }
    const up = await call(app.baseUrl, "plans.list", undefined, { cookie });
    expect(up.status).toBe(200);
    expect(app.stderr()).not.toMatch(/^5xx /m);
  }, 120_000);

  it("a page asked for while PostgreSQL is down answers the 503 page, and renders again after", async () => {
    // The proxy of the built app, in this process, on this cluster (getDatabase reads the
    // URL on its first call; this test file is its own process).
    process.env.DATABASE_URL = cluster.url;
    const { proxy } = await import("@/proxy");
    const { getDatabase } = await import("@/db/client");
    const ask = (path: string) =>
      proxy(
        new NextRequest(new URL(path, "http://localhost:3000"), {
          headers: { host: "localhost:3000" },
        }),
      );
    try {
      // Up: the gate's answer (to /setup, or to sign in once an account exists).
      const up = await ask("/plans?view=week");
      expect(up.status).toBe(307);
      expect(up.headers.get("location")).toMatch(
        /^http:\/\/localhost:3000\/(setup|sign-in\?next=%2Fplans%3Fview%3Dweek)$/,
      );

      stopServer(cluster.directory, "fast");
      try {
        const down = await ask("/plans?view=week");
        expect(down.status).toBe(503);
        expect(down.headers.get("retry-after")).toBe("5");
        expect(down.headers.get("cache-control")).toBe("no-store");
        expect(down.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(down.headers.get("content-security-policy")).toMatch(/^default-src 'none'; /);
        expect(down.headers.get("x-frame-options")).toBe("DENY");
        const html = await down.text();
        expect(html).toContain("The planner is not available right now");
        expect(html).toContain(DATABASE_UNAVAILABLE_MESSAGE);
        expect(html).toContain('<a href="/plans?view=week">Try again</a>');
        expect(html).not.toContain("<script");
        // A page with something odd in its query: the link keeps it, escaped.
        const odd = await (await ask('/foods?q="><b>')).text();
        expect(odd).toContain('href="/foods?q=%22%3E%3Cb%3E"');
        // The API and static files are not answered here: the tRPC route says 503 itself.
        const api = await ask("/api/trpc/plans.list");
        expect(api.status).toBe(200);
        expect(api.headers.get("x-middleware-next")).toBe("1");
        const icon = await ask("/icon.svg");
        expect(icon.headers.get("x-middleware-next")).toBe("1");
      } finally {
        startServer(cluster.directory);
      }
      const again = await ask("/plans?view=week");
      expect(again.status).toBe(307);
    } finally {
      await (getDatabase() as unknown as { $client: pg.Pool }).$client.end();
    }
  }, 120_000);
});
