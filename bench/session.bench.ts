/**
 * What signing in adds to a procedure call (issue 15: under 5 ms): the tRPC context reads
 * the better-auth session from the request's cookie (signature check, one session + user
 * lookup) and the account's household membership, once per request.
 *
 * Measured through the real stack minus HTTP: `plans.list` through a caller whose context
 * comes from a session cookie, against the same call with a ready-made context; and the
 * session read alone. 1,000 other accounts' sessions sit in the table.
 * Run alone: `npx tsx bench/session.bench.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { createAuth } from "../server/auth/auth";
import { readRequestSession } from "../server/auth/session";
import { createInnerContext, createSessionContext } from "../server/trpc/init";
import { createCaller } from "../server/trpc/root";
import { printTable, type Row, summarise } from "./stats";

export const SESSION_TITLE = "Session lookup per procedure call (target: sign-in adds < 5 ms)";

async function timeAsync(iterations: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 50; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchSession(): Promise<Row[]> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-session-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  try {
    migrateDatabase(db);
    const auth = await createAuth(db, { rateLimit: false });
    const signUp = async (email: string) => {
      const response = await auth.handler(
        new Request("http://localhost:3000/api/auth/sign-up/email", {
          method: "POST",
          headers: { "content-type": "application/json", host: "localhost:3000" },
          body: JSON.stringify({ email, password: "correct horse battery", name: "Bench" }),
        }),
      );
      const line = response.headers.getSetCookie().find((l) => l.includes("session_token"));
      return line?.split(";")[0] ?? "";
    };
    const cookie = await signUp("admin@example.org");
    // 1,000 other members with a session each (written directly: hashing 1,000 passwords
    // would only slow the set-up down).
    const insertUser = db.$client.prepare(
      "INSERT INTO auth_users (id, name, email, email_verified, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)",
    );
    const insertSession = db.$client.prepare(
      "INSERT INTO auth_sessions (id, expires_at, token, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const insertMember = db.$client.prepare(
      "INSERT INTO household_members (user_id, household_id, role) VALUES (?, 'local', 'adult')",
    );
    const now = Date.now();
    db.$client.transaction(() => {
      for (let i = 0; i < 1000; i += 1) {
        insertUser.run(`user-${i}`, `Member ${i}`, `member${i}@example.org`, now, now);
        insertSession.run(`session-${i}`, now + 86_400_000, `token-${i}`, `user-${i}`, now, now);
        insertMember.run(`user-${i}`);
      }
    })();
    const headers = new Headers({ cookie, host: "localhost:3000" });
    const ready = createInnerContext({ db });
    const plain = createCaller(ready);
    const iterations = 2000;
    const rows: Row[] = [];
    const add = (what: string, samples: number[]) => {
      const { n, p50, p95, max } = summarise(samples);
      rows.push({ what, calls: n, "p50 ms": p50, "p95 ms": p95, "max ms": max });
    };
    add(
      "plans.list, context given (no sign-in)",
      await timeAsync(iterations, () => plain.plans.list()),
    );
    add(
      "plans.list, context from the session cookie",
      await timeAsync(iterations, () =>
        createCaller(() => createSessionContext(db, auth, headers)).plans.list(),
      ),
    );
    add(
      "session read alone (readRequestSession)",
      await timeAsync(iterations, () => readRequestSession(auth, db, headers)),
    );
    return rows;
  } finally {
    db.$client.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("session.bench.ts")) {
  void benchSession().then((rows) => printTable(SESSION_TITLE, rows));
}
