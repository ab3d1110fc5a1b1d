/**
 * Accounts, through better-auth's real HTTP handler on a temporary database: the first
 * account (localhost or the setup code) takes over an existing database's `local` data,
 * invitations, roles, the admin's password reset and sign-up switch, sign out everywhere,
 * cookie attributes, and the sign-in rate limit.
 */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/dialect";
import { openPostgres } from "@/db/pg-client";
import { rawAll, rawRun } from "@/db/raw";
import { authSessions, authUsers, householdMembers } from "@/db/schema";
import { SESSION_CACHE_MS } from "@/server/auth/session-cache";
import { MAX_HOUSEHOLD_MEMBERS } from "@/server/schemas/people";
import {
  attachNewAccount,
  countAccounts,
  createInvitation,
  issueSetupCode,
  SETTING_SETUP_CODE_HASH,
} from "@/server/services/households";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTestAuth, type TestAuth } from "../factories/accounts";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { expectTrpcError } from "../helpers";
import { suiteOnPostgres } from "../pg-scratch";

// Password hashing (scrypt) and many calls per test: generous limits on a shared machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 180_000 });

let test: TestDatabase | undefined;
// The server is also reached by a public name (as behind a reverse proxy).
beforeEach(() => vi.stubEnv("ALLOWED_HOSTS", "b12.example.org"));
afterEach(async () => {
  await test?.close();
  test = undefined;
  vi.unstubAllEnvs();
});

const REMOTE = { host: "b12.example.org", "x-forwarded-for": "203.0.113.9" };

describe("the first account", () => {
  it("takes over an existing database's local data, with nothing lost", async () => {
    test = createTestDatabase();
    // A database from before accounts: everything belongs to owner `local`.
    const before = createCaller(createInnerContext({ db: test.db }));
    const food = await before.foods.createCustom(buildCustomFoodInput({ name: "Old oat drink" }));
    const plan = await before.plans.create({ name: "Last month", dayCount: 2 });
    await before.plans.addEntry({
      planId: plan.id,
      day: 1,
      meal: "lunch",
      foodId: food.id,
      grams: 250,
    });
    await before.plans.addSupplement({
      planId: plan.id,
      doseMicrograms: 250,
      form: "tablet",
      everyNDays: 2,
    });
    await before.profile.update({ ageYears: 68, sex: "male", diet: "vegan", standard: "nih" });
    const totalsBefore = await before.plans.totals({ planId: plan.id });

    const auth = await createTestAuth(test.db);
    const first = await auth.signUp("admin@example.org");
    expect(first.response.status).toBe(200);
    const api = auth.callerFor(first.cookie);
    expect((await api.plans.list()).map((p) => p.name)).toEqual(["Last month"]);
    // The plan's eater (the person who made it) and their totals are all still there.
    expect(await api.plans.totals({ planId: plan.id, personId: totalsBefore.personId })).toEqual(
      totalsBefore,
    );
    expect((await api.profile.get()).profile).toMatchObject({ ageYears: 68, diet: "vegan" });
    expect((await api.foods.get({ id: food.id })).name).toBe("Old oat drink");
    const household = await api.households.get();
    expect(household.id).toBe("local");
    expect(household.members).toMatchObject([{ email: "admin@example.org", role: "owner" }]);
    expect(household.you).toMatchObject({ role: "owner", isAdmin: true });
  });

  it("is refused from another machine without the setup code", async () => {
    test = createTestDatabase({ seed: false });
    const auth = await createTestAuth(test.db);
    const refused = await auth.signUp("intruder@example.org", REMOTE);
    expect(refused.response.status).toBe(403);
    expect(await refused.response.json()).toMatchObject({
      message: expect.stringMatching(/setup code/),
    });
    // A Host of localhost reached through a proxy is not local either.
    const proxied = await auth.signUp("intruder@example.org", {
      "x-forwarded-host": "b12.example.org",
    });
    expect(proxied.response.status).toBe(403);
    expect(await countAccounts(test.db)).toBe(0);
  });

  it("is accepted from another machine with the one-time setup code, once", async () => {
    test = createTestDatabase({ seed: false });
    const auth = await createTestAuth(test.db);
    const code = await issueSetupCode(test.db);
    expect(code).toMatch(/^[\w-]{12}$/);
    const wrong = await auth.signUp("admin@example.org", { ...REMOTE, "x-setup-code": "nope" });
    expect(wrong.response.status).toBe(403);
    const right = await auth.signUp("admin@example.org", { ...REMOTE, "x-setup-code": code ?? "" });
    expect(right.response.status).toBe(200);
    // Used up: the code does not open a second account, and no new code is issued.
    const again = await auth.signUp("second@example.org", {
      ...REMOTE,
      "x-setup-code": code ?? "",
    });
    expect(again.response.status).toBe(403);
    expect(await issueSetupCode(test.db)).toBeNull();
  });
});

describe("the first account on PostgreSQL", () => {
  it.skipIf(!suiteOnPostgres)(
    `is made with the setup code npm run db:setup printed${suiteOnPostgres ? "" : " (skipped: the PostgreSQL run's)"}`,
    async () => {
      test = createTestDatabase({ seed: false });
      // What db:setup does on PostgreSQL (scripts/db-setup.ts): its own pool, one code.
      const issue = async () => {
        // As db:setup does: its own one-connection pool, the same service as on SQLite.
        const setup = openPostgres(test?.filePath ?? "", { max: 1 });
        try {
          return await issueSetupCode(setup as unknown as AppDatabase);
        } finally {
          await setup.$client.end();
        }
      };
      const stale = await issue();
      const code = await issue();
      expect(code).toMatch(/^[\w-]{12}$/);
      const auth = createTestAuth(test.db);
      // Each run replaces the code: the one printed before no longer works.
      const withStale = await auth.signUp("admin@example.org", {
        ...REMOTE,
        "x-setup-code": stale ?? "",
      });
      expect(withStale.response.status).toBe(403);
      const admin = await auth.signUp("admin@example.org", {
        ...REMOTE,
        "x-setup-code": code ?? "",
      });
      expect(admin.response.status).toBe(200);
      const household = await auth.callerFor(admin.cookie).households.get();
      expect(household.members).toMatchObject([{ email: "admin@example.org", role: "owner" }]);
      // Used up, and the next db:setup prints none and leaves no hash behind.
      const again = await auth.signUp("second@example.org", {
        ...REMOTE,
        "x-setup-code": code ?? "",
      });
      expect(again.response.status).toBe(403);
      expect(await issue()).toBeNull();
      expect(
        await rawAll(test.db, "SELECT key FROM app_meta WHERE key = ?", [SETTING_SETUP_CODE_HASH]),
      ).toEqual([]);
    },
  );
});

describe("accounts created at the same moment (several requests or app instances)", () => {
  /** Account rows as better-auth writes them, before its hook gives them a household. */
  async function addAccounts(ids: string[]) {
    const at = new Date();
    const rows = ids.map((id) => ({
      id,
      name: id,
      email: `${id}@example.org`,
      createdAt: at,
      updatedAt: at,
    }));
    if (rows.length > 0) await test?.db.insert(authUsers).values(rows);
  }

  it("only one of them becomes the first account", async () => {
    test = createTestDatabase({ seed: false });
    const db = test.db;
    const ids = ["first-a", "first-b", "first-c", "first-d"];
    await addAccounts(ids);
    const results = await Promise.all(ids.map((id) => attachNewAccount(db, id, null)));
    expect(results.filter((result) => result !== null)).toEqual([
      { householdId: "local", role: "owner" },
    ]);
    expect(await db.select().from(householdMembers)).toHaveLength(1);
  });

  it("invitations do not take the household's one free place twice", async () => {
    test = createTestDatabase({ seed: false });
    const db = test.db;
    const members = Array.from({ length: MAX_HOUSEHOLD_MEMBERS - 1 }, (_, i) => `member-${i}`);
    await addAccounts(members);
    await db.insert(householdMembers).values(
      members.map((userId, i) => ({
        userId,
        householdId: "local",
        role: i === 0 ? ("owner" as const) : ("adult" as const),
      })),
    );
    const joiners = Array.from({ length: 8 }, (_, i) => `joiner-${i}`);
    const tokens: string[] = [];
    for (const _ of joiners)
      tokens.push((await createInvitation(db, "local", "member-0", "adult")).token);
    await addAccounts(joiners);
    const results = await Promise.all(
      joiners.map((id, i) => attachNewAccount(db, id, tokens[i] ?? "")),
    );
    expect(results.filter((result) => result !== null)).toEqual([
      { householdId: "local", role: "adult" },
    ]);
    expect(await db.select().from(householdMembers)).toHaveLength(MAX_HOUSEHOLD_MEMBERS);
  });

  it.skipIf(!suiteOnPostgres)(
    `wait for the household's row while another write holds it${suiteOnPostgres ? "" : " (skipped: PostgreSQL's row locks)"}`,
    async () => {
      test = createTestDatabase({ seed: false });
      const db = test.db;
      // Another instance's write() on the household, left open: its row lock.
      const other = new pg.Client({ connectionString: test.filePath });
      await other.connect();
      const holdHousehold = async () => {
        await other.query("BEGIN");
        await other.query("UPDATE owners SET data_version = data_version + 1 WHERE id = 'local'");
      };
      const pending = (promise: Promise<unknown>) => {
        let settled = false;
        void promise.then(
          () => (settled = true),
          () => (settled = true),
        );
        return new Promise<boolean>((resolve) => setTimeout(() => resolve(!settled), 300));
      };
      try {
        await addAccounts(["first-a", "first-b"]);
        await holdHousehold();
        const firsts = Promise.all([
          attachNewAccount(db, "first-a", null),
          attachNewAccount(db, "first-b", null),
        ]);
        expect(await pending(firsts)).toBe(true);
        await other.query("COMMIT");
        expect((await firsts).filter((result) => result !== null)).toEqual([
          { householdId: "local", role: "owner" },
        ]);

        const owner = (await db.select().from(householdMembers))[0]?.userId ?? "";
        const { token } = await createInvitation(db, "local", owner, "adult");
        await addAccounts(["joiner"]);
        await holdHousehold();
        const joining = attachNewAccount(db, "joiner", token);
        expect(await pending(joining)).toBe(true);
        await other.query("COMMIT");
        expect(await joining).toEqual({ householdId: "local", role: "adult" });
      } finally {
        await other.query("ROLLBACK").catch(() => {});
        await other.end();
      }
    },
  );
});

describe("invitations and roles", () => {
  async function household() {
    test = createTestDatabase({ seed: false });
    const auth = await createTestAuth(test.db);
    const admin = await auth.signUp("admin@example.org");
    return { auth, admin: auth.callerFor(admin.cookie), db: test.db };
  }

  it("an invited partner joins the household with the invitation's role, once", async () => {
    const { auth, admin } = await household();
    const invitation = await admin.households.createInvitation({ role: "adult" });
    expect(invitation.token.length).toBeGreaterThanOrEqual(32);
    const partner = await auth.signUp("partner@example.org", {
      ...REMOTE,
      "x-invitation-token": invitation.token,
    });
    expect(partner.response.status).toBe(200);
    const api = auth.callerFor(partner.cookie);
    const plan = await admin.plans.create({ name: "Shared week", dayCount: 1 });
    expect((await api.plans.get({ planId: plan.id })).name).toBe("Shared week");
    await api.plans.rename({ planId: plan.id, name: "Our week" });
    expect((await admin.households.get()).members.map((m) => [m.email, m.role])).toEqual([
      ["admin@example.org", "owner"],
      ["partner@example.org", "adult"],
    ]);
    // An adult is not an owner: no invitations, no role changes.
    await expectTrpcError(api.households.createInvitation({ role: "owner" }), "FORBIDDEN");
    // The link is used up.
    const reuse = await auth.signUp("third@example.org", {
      "x-invitation-token": invitation.token,
    });
    expect(reuse.response.status).toBe(403);
  });

  it("nobody signs up without an invitation, and revoked or expired links do not work", async () => {
    const { auth, admin, db } = await household();
    expect((await auth.signUp("stranger@example.org")).response.status).toBe(403);
    const revoked = await admin.households.createInvitation({ role: "adult" });
    await admin.households.revokeInvitation({ invitationId: revoked.id });
    const withRevoked = await auth.signUp("late@example.org", {
      "x-invitation-token": revoked.token,
    });
    expect(withRevoked.response.status).toBe(403);
    const expired = await admin.households.createInvitation({ role: "adult" });
    await rawRun(db, "UPDATE household_invitations SET expires_at = ? WHERE id = ?", [
      "2020-01-01T00:00:00.000Z",
      expired.id,
    ]);
    const withExpired = await auth.signUp("late@example.org", {
      "x-invitation-token": expired.token,
    });
    expect(withExpired.response.status).toBe(403);
    expect((await admin.households.get()).members).toHaveLength(1);
  });

  it("with password sign-up off, an invitation does not create a password account", async () => {
    const { auth, admin } = await household();
    await admin.households.setPasswordSignUp({ enabled: false });
    const invitation = await admin.households.createInvitation({ role: "adult" });
    const refused = await auth.signUp("partner@example.org", {
      "x-invitation-token": invitation.token,
    });
    expect(refused.response.status).toBe(403);
    expect(await refused.response.json()).toMatchObject({
      message: expect.stringMatching(/switched off/),
    });
    await admin.households.setPasswordSignUp({ enabled: true });
    const accepted = await auth.signUp("partner@example.org", {
      "x-invitation-token": invitation.token,
    });
    expect(accepted.response.status).toBe(200);
  });

  it("the admin changes roles, keeps one owner, and resets a password (signing them out)", async () => {
    const { auth, admin } = await household();
    const invitation = await admin.households.createInvitation({ role: "adult" });
    const partner = await auth.signUp("partner@example.org", {
      "x-invitation-token": invitation.token,
    });
    const members = (await admin.households.get()).members;
    const adminId = members[0]?.userId ?? "";
    const partnerId = members[1]?.userId ?? "";
    await expectTrpcError(
      admin.households.setMemberRole({ userId: adminId, role: "viewer" }),
      "CONFLICT",
      /at least one owner/,
    );
    await admin.households.setMemberRole({ userId: partnerId, role: "viewer" });
    const viewer = auth.callerFor(partner.cookie);
    await expectTrpcError(viewer.plans.create({ name: "x", dayCount: 1 }), "FORBIDDEN");
    await admin.households.resetPassword({ userId: partnerId, newPassword: "a new passphrase" });
    await expectTrpcError(viewer.plans.list(), "UNAUTHORIZED");
    expect((await auth.signIn("partner@example.org")).response.status).toBe(401);
    const signedIn = await auth.signIn("partner@example.org", "a new passphrase");
    expect(signedIn.response.status).toBe(200);
    await expect(auth.callerFor(signedIn.cookie).plans.list()).resolves.toEqual([]);
  });
});

describe("sessions", () => {
  it("are HttpOnly, SameSite=Lax cookies, and sign out everywhere ends every session", async () => {
    test = createTestDatabase({ seed: false });
    const auth = await createTestAuth(test.db);
    const first = await auth.signUp("admin@example.org");
    const cookieLine = first.response.headers
      .getSetCookie()
      .find((line) => line.includes("session_token"));
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    const laptop = first.cookie;
    const phone = (await auth.signIn("admin@example.org")).cookie;
    await expect(auth.callerFor(phone).plans.list()).resolves.toEqual([]);
    const revoked = await auth.post("/revoke-sessions", {}, { cookie: phone });
    expect(revoked.status).toBe(200);
    await expectTrpcError(auth.callerFor(laptop).plans.list(), "UNAUTHORIZED");
    await expectTrpcError(auth.callerFor(phone).plans.list(), "UNAUTHORIZED");
  });

  it("a session seen a moment ago still ends at sign-out, and a tampered cookie is refused", async () => {
    test = createTestDatabase({ seed: false });
    const auth = createTestAuth(test.db);
    const { cookie } = await auth.signUp("admin@example.org");
    const api = auth.callerFor(cookie);
    // Two calls: the second is answered from the short memory of verified cookies.
    await expect(api.plans.list()).resolves.toEqual([]);
    await expect(api.plans.list()).resolves.toEqual([]);
    const [name, value = ""] = cookie.split("=");
    const tampered = `${name}=${value.slice(0, -2)}${value.endsWith("A") ? "B" : "A"}${value.slice(-1)}`;
    await expectTrpcError(auth.callerFor(tampered).plans.list(), "UNAUTHORIZED");
    const signedOut = await auth.post("/sign-out", {}, { cookie });
    expect(signedOut.status).toBe(200);
    await expectTrpcError(api.plans.list(), "UNAUTHORIZED");
  });

  it("a sign-out on another app instance is seen here within the session memory's 10 s", async () => {
    test = createTestDatabase({ seed: false });
    const auth = createTestAuth(test.db);
    const { cookie } = await auth.signUp("admin@example.org");
    const api = auth.callerFor(cookie);
    await expect(api.plans.list()).resolves.toEqual([]);
    // Another instance's "sign out everywhere": the rows go, this process is not told.
    await test.db.delete(authSessions);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + SESSION_CACHE_MS - 1_000);
      await expect(api.plans.list()).resolves.toEqual([]);
      vi.setSystemTime(Date.now() + 1_001);
      await expectTrpcError(api.plans.list(), "UNAUTHORIZED");
    } finally {
      vi.useRealTimers();
    }
  });

  it("sign-in attempts are rate-limited per client", async () => {
    test = createTestDatabase({ seed: false });
    const auth = await createTestAuth(test.db, { rateLimit: true });
    await auth.signUp("admin@example.org");
    const attacker = { "x-forwarded-for": "198.51.100.7" };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      statuses.push(
        (await auth.signIn("admin@example.org", "wrong password", attacker)).response.status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Even the right password waits out the window; another client is not affected.
    expect((await auth.signIn("admin@example.org", undefined, attacker)).response.status).toBe(429);
    const other = await auth.signIn("admin@example.org", undefined, {
      "x-forwarded-for": "198.51.100.8",
    });
    expect(other.response.status).toBe(200);
  });

  it("two app instances on one database refuse the (limit + 1)th sign-in together", async () => {
    vi.stubEnv("B12_SIGN_IN_LIMIT_PER_MINUTE", "4");
    test = createTestDatabase({ seed: false });
    const db = test.db;
    const one = createTestAuth(db, { rateLimit: true });
    const two = createTestAuth(db, { rateLimit: true });
    expect((await one.signUp("admin@example.org")).response.status).toBe(200);
    // Its own address: better-auth's memory store is module-wide and outlives a test.
    const attacker = { "x-forwarded-for": "198.51.100.20" };
    const attempt = async (instance: TestAuth) =>
      (await instance.signIn("admin@example.org", "wrong password", attacker)).response.status;
    const statuses = [];
    for (const instance of [one, two, one, two, two, one]) statuses.push(await attempt(instance));
    // Two each would pass two separate counters of 4; together the fifth is refused.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const rows = () =>
      rawAll<{ key: string; count: number }>(db, "SELECT key, count FROM auth_rate_limits");
    if (!suiteOnPostgres) {
      // SQLite: one process serves the database, and it counts in memory.
      expect(await rows()).toEqual([]);
      return;
    }
    // PostgreSQL: the count is the database's, shared by every instance …
    expect(await rows()).toContainEqual({ key: "198.51.100.20|/sign-in/email", count: 4 });
    // … and only the database's: without its row, both instances let the client try again.
    await rawRun(db, "DELETE FROM auth_rate_limits WHERE key = ?", [
      "198.51.100.20|/sign-in/email",
    ]);
    expect(await attempt(two)).toBe(401);
    expect(await rows()).toContainEqual({ key: "198.51.100.20|/sign-in/email", count: 1 });
  });

  // On PostgreSQL better-auth's own database counter let 5 of a burst of 100 through (twice
  // in two runs); server/auth/rate-limit-store.ts counts in one statement.
  it("a burst of simultaneous wrong passwords to two instances gets exactly the limit", async () => {
    vi.stubEnv("B12_SIGN_IN_LIMIT_PER_MINUTE", "4");
    test = createTestDatabase({ seed: false });
    const one = createTestAuth(test.db, { rateLimit: true });
    const two = createTestAuth(test.db, { rateLimit: true });
    expect((await one.signUp("admin@example.org")).response.status).toBe(200);
    for (const [burst, address] of [
      [12, "198.51.100.21"],
      [30, "198.51.100.22"],
      [100, "198.51.100.23"],
    ] as const) {
      const statuses = await Promise.all(
        Array.from({ length: burst }, async (_, index) => {
          const instance = index % 2 === 0 ? one : two;
          return (
            await instance.signIn("admin@example.org", "wrong password", {
              "x-forwarded-for": address,
            })
          ).response.status;
        }),
      );
      expect(statuses.filter((status) => status === 401)).toHaveLength(4);
      expect(statuses.filter((status) => status === 429)).toHaveLength(burst - 4);
    }
  });
});
