/**
 * The household gaps of issue 15: supplements belong to a person, the shopping list adds
 * up every eater's portions (plus guests), backups carry the household's people, and plan
 * duplicate / export / import keep who eats a plan. Real temporary SQLite databases;
 * expected figures worked out by hand in the comments.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, openDatabase } from "@/db/client";
import { asSqlite } from "@/db/dialect";
import { authUsers, householdMembers } from "@/db/schema";
import { parseDownloadQuery } from "@/server/schemas/shopping";
import { attachNewAccount, createInvitation } from "@/server/services/households";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { createPlanWith } from "../factories/plans";
import { expectTrpcError } from "../helpers";

const SOYMILK = "sr28-16139"; // 0.85 µg per 100 g (SR28)
const ADULT = { ageYears: 40, sex: "male", diet: "vegan", standard: "nih" } as const;
const CHILD = { name: "Cleo", ageYears: 6, sex: "female", diet: "vegan", standard: "nih" } as const;

let test: TestDatabase;
let api: ReturnType<TestDatabase["caller"]>;

beforeEach(() => {
  test = createTestDatabase();
  api = test.caller();
});
afterEach(async () => {
  await test.close();
});

/** An account row as better-auth would write it (no password: never signs in). */
async function addAccount(id: string, name: string, email: string) {
  const at = new Date(0);
  await test.db.insert(authUsers).values({ id, name, email, createdAt: at, updatedAt: at });
}

/** Me (Ana), Ben and the child Cleo eating a one-day plan at 1, 1 and 0.5. */
async function household(dayCount = 1) {
  const [me] = await api.people.list();
  await api.people.update({ personId: me?.id ?? "", name: "Ana" });
  const ben = await api.people.create({ name: "Ben", ...ADULT });
  const cleo = await api.people.create(CHILD);
  const planId = await createPlanWith(api, { dayCount });
  await api.plans.setEaters({
    planId,
    eaters: [
      { personId: me?.id ?? "", portionFactor: 1 },
      { personId: ben.id, portionFactor: 1 },
      { personId: cleo.id, portionFactor: 0.5 },
    ],
  });
  return { meId: me?.id ?? "", benId: ben.id, cleoId: cleo.id, planId };
}

describe("supplements belong to a person", () => {
  it("two eaters each with their own supplement: each counts only their own", async () => {
    const { meId, benId, cleoId, planId } = await household();
    // Without personId: the signed-in account's own person (Ana eats the plan).
    const mine = await api.plans.addSupplement({
      planId,
      doseMicrograms: 250,
      form: "tablet",
      everyNDays: 1,
    });
    expect(mine.plan.supplements[0]).toMatchObject({ personId: meId, personName: "Ana" });
    const bens = await api.plans.addSupplement({
      planId,
      personId: benId,
      doseMicrograms: 1000,
      form: "tablet",
      everyNDays: 1,
    });
    expect(bens.plan.supplements.map((item) => item.personName)).toEqual(["Ana", "Ben"]);

    const totals = await api.plans.totals({ planId });
    // No food: each person's intake is their own daily dose, nobody else's.
    expect(totals.averageSupplementB12Micrograms).toBe(250);
    expect(totals.people.map((person) => person.averageB12Micrograms)).toEqual([250, 1000, 0]);
    const forBen = await api.plans.totals({ planId, personId: benId });
    expect(forBen.averageSupplementB12Micrograms).toBe(1000);
    expect(forBen.regimens).toHaveLength(1);
    const forCleo = await api.plans.totals({ planId, personId: cleoId });
    expect(forCleo.regimens).toEqual([]);

    // Moving Ana's supplement to Cleo moves its 250 µg with it.
    const supplementId = mine.plan.supplements[0]?.id ?? "";
    await api.plans.updateSupplement({ supplementId, personId: cleoId });
    const after = await api.plans.totals({ planId });
    expect(after.people.map((person) => person.averageB12Micrograms)).toEqual([0, 1000, 250]);
    // Suggestions for Ben count his 1,000 µg: his plan already meets his target.
    const suggestions = await api.plans.suggestions({ planId, personId: benId });
    expect(suggestions.status).toBe(forBen.status);
  });

  it("a person who does not eat the plan is BAD_REQUEST; another household's is NOT_FOUND", async () => {
    const { planId } = await household();
    const outsider = await api.people.create({ ...CHILD, name: "Dora" });
    const notEating = await expectTrpcError(
      api.plans.addSupplement({
        planId,
        personId: outsider.id,
        doseMicrograms: 10,
        form: "tablet",
      }),
      "BAD_REQUEST",
      /Dora does not eat this plan/,
    );
    expect(notEating.cause).toMatchObject({ field: "personId" });
    const other = test.caller("other-household");
    const [stranger] = await other.people.list();
    const unknown = await expectTrpcError(
      api.plans.addSupplement({
        planId,
        personId: stranger?.id ?? "",
        doseMicrograms: 10,
        form: "tablet",
      }),
      "NOT_FOUND",
    );
    expect(unknown.cause).toMatchObject({ field: "personId" });
    expect((await api.plans.get({ planId })).supplements).toEqual([]);
  });

  it("defaults to the plan's first eater when the signed-in account does not eat it", async () => {
    const { benId, cleoId, planId } = await household();
    await api.plans.setEaters({
      planId,
      eaters: [
        { personId: cleoId, portionFactor: 0.5 },
        { personId: benId, portionFactor: 1 },
      ],
    });
    const result = await api.plans.addSupplement({ planId, doseMicrograms: 10, form: "tablet" });
    expect(result.plan.supplements[0]).toMatchObject({ personId: cleoId, personName: "Cleo" });
  });

  it("removing a person removes their supplements", async () => {
    const { cleoId, planId } = await household();
    await api.plans.addSupplement({ planId, personId: cleoId, doseMicrograms: 10, form: "tablet" });
    await api.people.delete({ personId: cleoId });
    expect((await api.plans.get({ planId })).supplements).toEqual([]);
  });
});

describe("migrations 0009 and 0010", () => {
  let directory: string;
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("gives existing supplements to the plan's first eater, else the household's own person", () => {
    directory = mkdtempSync(path.join(tmpdir(), "b12-supplement-person-"));
    const before = path.join(directory, "migrations");
    cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
    const journalPath = path.join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((entry) => entry.tag < "0009");
    writeFileSync(journalPath, JSON.stringify(journal));
    const db = openDatabase(path.join(directory, "old.db"));
    try {
      migrate(asSqlite(db), { migrationsFolder: before });
      const sql = db.$client;
      sql.prepare(`INSERT OR IGNORE INTO owners (id, name) VALUES ('local', 'Local')`).run();
      const person = sql.prepare(
        `INSERT INTO people (id, household_id, name, account_id, age_years, sex, diet, standard, created_at)
         VALUES (?, 'local', ?, ?, 40, 'male', 'vegan', 'nih', ?)`,
      );
      person.run("person-kid", "Kid", null, "2026-01-01T00:00:00.000Z");
      person.run("profile-local", "Me", "account-1", "2026-01-02T00:00:00.000Z");
      const plan = sql.prepare(
        `INSERT INTO plans (id, owner_id, name, day_count) VALUES (?, 'local', ?, 1)`,
      );
      plan.run("eaten", "Eaten by the kid first");
      plan.run("nobody", "Eaten by nobody");
      sql
        .prepare(
          `INSERT INTO plan_eaters (plan_id, person_id, portion_factor, position) VALUES
           ('eaten', 'profile-local', 1, 1), ('eaten', 'person-kid', 0.5, 0)`,
        )
        .run();
      const supplement = sql.prepare(
        `INSERT INTO plan_supplements (id, plan_id, dose_micrograms, form, every_n_days)
         VALUES (?, ?, 10, 'tablet', 1)`,
      );
      supplement.run("s1", "eaten");
      supplement.run("s2", "nobody");
      sql
        .prepare(
          `INSERT INTO shopping_preferences (plan_id, servings) VALUES ('eaten', 1), ('nobody', 3)`,
        )
        .run();
      migrate(asSqlite(db), { migrationsFolder: MIGRATIONS_FOLDER });
      // Migration 0010: a saved 1 was the default (now: the eaters); 3 was chosen by hand.
      expect(
        sql
          .prepare(`SELECT plan_id, servings, guests FROM shopping_preferences ORDER BY plan_id`)
          .all(),
      ).toEqual([
        { plan_id: "eaten", servings: null, guests: 0 },
        { plan_id: "nobody", servings: 3, guests: 0 },
      ]);
      expect(sql.prepare(`SELECT id, person_id FROM plan_supplements ORDER BY id`).all()).toEqual([
        { id: "s1", person_id: "person-kid" },
        { id: "s2", person_id: "profile-local" },
      ]);
      // The column cascades: the kid's removal takes their supplement.
      sql.prepare(`DELETE FROM people WHERE id = 'person-kid'`).run();
      expect(sql.prepare(`SELECT id FROM plan_supplements`).all()).toEqual([{ id: "s2" }]);
    } finally {
      db.$client.close();
    }
  });
});

describe("the shopping list adds up every person's portions", () => {
  /** The soy milk line's exact grams on a list. */
  function soyMilkGrams(list: {
    aisles: { lines: { foodId: string | null; grams: number | null }[] }[];
  }) {
    return list.aisles.flatMap((group) => group.lines).find((line) => line.foodId === SOYMILK)
      ?.grams;
  }

  it("two adults at 1 and a child at 0.5 buy 2.5 × the plan's amounts", async () => {
    const { planId } = await household();
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 300 });
    const list = await api.shopping.list({ planId });
    // 300 g × (1 + 1 + 0.5) = 750 g.
    expect(soyMilkGrams(list)).toBe(750);
    expect(list.preferences).toMatchObject({
      servings: null,
      guests: 0,
      portions: 2.5,
      household: "for Ana, Ben and Cleo (½)",
    });
    expect(list.preferences.eaters.map((eater) => eater.portionFactor)).toEqual([1, 1, 0.5]);
  });

  it("extra guests add the plan's amounts each; they are saved with the list", async () => {
    const { planId } = await household();
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 300 });
    // 300 g × (2.5 + 1) = 1,050 g.
    const once = await api.shopping.list({ planId, guests: 1 });
    expect(soyMilkGrams(once)).toBe(1050);
    expect(once.preferences.household).toBe("for Ana, Ben and Cleo (½) + 1 guest");
    await api.shopping.setPreferences({ planId, guests: 2 });
    const saved = await api.shopping.list({ planId });
    // 300 g × (2.5 + 2) = 1,350 g.
    expect(soyMilkGrams(saved)).toBe(1350);
    expect(saved.preferences).toMatchObject({ guests: 2, portions: 4.5 });
  });

  it("servings stays an explicit override of eaters and guests; null clears it", async () => {
    const { planId } = await household();
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 300 });
    const two = await api.shopping.list({ planId, servings: 2, guests: 5 });
    expect(soyMilkGrams(two)).toBe(600); // 300 g × 2 people set by hand
    expect(two.preferences.household).toBe("for 2 people");
    await api.shopping.setPreferences({ planId, servings: 3 });
    expect(soyMilkGrams(await api.shopping.list({ planId }))).toBe(900);
    await api.shopping.setPreferences({ planId, servings: null });
    expect(soyMilkGrams(await api.shopping.list({ planId }))).toBe(750);
  });

  it("counts each person's own supplement doses once, and says whose", async () => {
    const { benId, cleoId, planId } = await household(2);
    await api.plans.addSupplement({ planId, doseMicrograms: 250, form: "tablet", everyNDays: 1 });
    await api.plans.addSupplement({
      planId,
      personId: benId,
      doseMicrograms: 1000,
      form: "tablet",
      everyNDays: 1,
    });
    const lines = (await api.shopping.list({ planId, guests: 3 })).aisles
      .flatMap((group) => group.lines)
      .filter((line) => line.kind === "supplement");
    // Two days, one dose a day each: 2 doses of each, not × 2.5 + 3 people.
    expect(lines.map((line) => [line.doses, line.note])).toEqual([
      [2, "For Ben only: not multiplied by household size."],
      [2, "For Ana only: not multiplied by household size."],
    ]);
    // Someone who no longer eats the plan: their supplement is not bought with it.
    await api.plans.setEaters({ planId, eaters: [{ personId: cleoId, portionFactor: 0.5 }] });
    const after = (await api.shopping.list({ planId })).aisles.flatMap((group) => group.lines);
    expect(after.filter((line) => line.kind === "supplement")).toEqual([]);
  });

  it("rejects a bad guests value naming the field", async () => {
    const { planId } = await household();
    for (const guests of [-1, 1.5, 21]) {
      const error = await expectTrpcError(
        api.shopping.list({ planId, guests }),
        "BAD_REQUEST",
        /guests/,
      );
      expect(error.message).toMatch(/guests must be/);
    }
  });

  it("the download routes read ?guests= (and ?servings= as the override)", () => {
    const params = new URLSearchParams("guests=1&from=1&to=1&units=metric");
    expect(parseDownloadQuery("plan-1", params)).toEqual({
      planId: "plan-1",
      fromDay: 1,
      toDay: 1,
      guests: 1,
      unitSystem: "metric",
    });
    expect(parseDownloadQuery("plan-1", new URLSearchParams("servings=3"))).toEqual({
      planId: "plan-1",
      servings: 3,
    });
  });
});

describe("backups cover the household", () => {
  /** Ana's household with a plan: soy milk 300 g on day 1, Ben's 1,000 µg daily. */
  async function householdWithPlan() {
    const ids = await household();
    await api.households.rename({ name: "The Smiths" });
    await api.plans.addEntry({
      planId: ids.planId,
      day: 1,
      meal: "breakfast",
      foodId: SOYMILK,
      grams: 300,
    });
    await api.plans.addSupplement({
      planId: ids.planId,
      personId: ids.benId,
      doseMicrograms: 1000,
      form: "tablet",
      everyNDays: 1,
    });
    return ids;
  }

  /** Each eater's name, portion factor and average intake of the household's only plan. */
  async function eatersOfOnlyPlan(caller: typeof api) {
    const [plan] = await caller.plans.list();
    const totals = await caller.plans.totals({ planId: plan?.id ?? "" });
    return totals.people.map((person) => [
      person.name,
      person.portionFactor,
      Number(person.averageB12Micrograms.toFixed(3)),
    ]);
  }

  it("a round trip carries the household's name, people, eaters and whose supplements are", async () => {
    await householdWithPlan();
    const file = await api.backup.export();
    expect(file.household).toEqual({ name: "The Smiths" });
    expect(file.people.map((person) => [person.name, person.exporter, person.hasLogin])).toEqual([
      ["Ana", true, true],
      ["Ben", false, false],
      ["Cleo", false, false],
    ]);
    const travelled = JSON.parse(JSON.stringify(file));
    const target = createTestDatabase();
    try {
      const restored = target.caller();
      const summary = await restored.backup.restore({ file: travelled });
      expect(summary).toMatchObject({ people: 3, plans: 1, supplements: 1 });
      expect((await restored.households.get()).name).toBe("The Smiths");
      const people = await restored.people.list();
      expect(people.map((person) => [person.name, person.isYou, person.profile.ageYears])).toEqual([
        ["Ana", true, 30],
        ["Ben", false, 40],
        ["Cleo", false, 6],
      ]);
      // 300 g × 0.85 µg/100 g = 2.55 µg each at 1; Cleo at ½: 1.275 µg; Ben + 1,000 µg.
      expect(await eatersOfOnlyPlan(restored)).toEqual([
        ["Ana", 1, 2.55],
        ["Ben", 1, 1002.55],
        ["Cleo", 0.5, 1.275],
      ]);
      // A second export of the restored household says the same.
      const again = await restored.backup.export();
      expect(again.people.map(({ id: _id, ...person }) => person)).toEqual(
        file.people.map(({ id: _id, ...person }) => person),
      );
    } finally {
      await target.close();
    }
  });

  it("restores over a household with other people: the own person stays the account's", async () => {
    await householdWithPlan();
    const file = JSON.parse(JSON.stringify(await api.backup.export()));
    const target = createTestDatabase();
    try {
      // Zed's household: Zed (signed in) and a child of theirs, with a plan.
      const zed = createCaller(
        createInnerContext({ db: target.db, session: { accountId: "zed", role: "owner" } }),
      );
      const [zedsPerson] = await zed.people.list();
      await zed.people.update({ personId: zedsPerson?.id ?? "", name: "Zed" });
      await zed.people.create({ ...CHILD, name: "Old kid" });
      await createPlanWith(zed, { name: "Zed's week" });

      await zed.backup.restore({ file });
      const people = await zed.people.list();
      // Zed's person is Ana's now (the exporter's), still Zed's login; the child is gone.
      expect(people.map((person) => [person.id, person.name, person.isYou])).toEqual([
        [zedsPerson?.id, "Ana", true],
        [expect.any(String), "Ben", false],
        [expect.any(String), "Cleo", false],
      ]);
      expect((await zed.plans.list()).map((plan) => plan.name)).toEqual(["Test week"]);
      expect(await eatersOfOnlyPlan(zed)).toEqual([
        ["Ana", 1, 2.55],
        ["Ben", 1, 1002.55],
        ["Cleo", 0.5, 1.275],
      ]);

      // A file whose exporter is not marked: the own person is kept as it is, Ana comes in
      // as a person without a login, and the plan is still hers.
      for (const person of file.people) person.exporter = false;
      await zed.people.update({ personId: zedsPerson?.id ?? "", name: "Zed" });
      await zed.backup.restore({ file });
      expect((await zed.people.list()).map((person) => [person.name, person.isYou])).toEqual([
        ["Zed", true],
        ["Ana", false],
        ["Ben", false],
        ["Cleo", false],
      ]);
      expect((await eatersOfOnlyPlan(zed)).map(([name]) => name)).toEqual(["Ana", "Ben", "Cleo"]);
    } finally {
      await target.close();
    }
  });

  it("refuses a file that would give the household more than 50 people, changing nothing", async () => {
    await householdWithPlan();
    const file = JSON.parse(JSON.stringify(await api.backup.export()));
    const template = file.people[2];
    for (let index = 4; index <= 50; index += 1) {
      file.people.push({ ...template, id: `extra-${index}`, name: `Child ${index}` });
    }
    for (const person of file.people) person.exporter = false;
    // 50 people in the file (the most a file holds) + the restoring account's own = 51.
    const before = await api.people.list();
    const error = await expectTrpcError(
      api.backup.restore({ file }),
      "BAD_REQUEST",
      /51 people, more than 50/,
    );
    expect(error.cause).toMatchObject({ field: "file.people" });
    expect(await api.people.list()).toEqual(before);
    file.people.push({ ...template, id: "extra-51", name: "Child 51" });
    await expectTrpcError(api.backup.restore({ file }), "BAD_REQUEST", /at most 50 people/);
  });

  it("an invitation made before the household filled up lets nobody join until there is room", async () => {
    await addAccount("owner-1", "Owner", "owner@example.org");
    await test.db
      .insert(householdMembers)
      .values({ userId: "owner-1", householdId: "local", role: "owner" });
    const invitation = await createInvitation(test.db, "local", "owner-1", "adult");
    await api.people.list(); // the own person: 1
    for (let index = 2; index <= 50; index += 1) {
      await api.people.create({ ...CHILD, name: `Child ${index}` });
    }
    expect(await attachNewAccount(test.db, "joiner", invitation.token)).toBeNull();
    // The invitation is not used up: it works once someone is removed.
    const [, child] = await api.people.list();
    await api.people.delete({ personId: child?.id ?? "" });
    await addAccount("joiner", "Joiner", "joiner@example.org");
    expect(await attachNewAccount(test.db, "joiner", invitation.token)).toEqual({
      householdId: "local",
      role: "adult",
    });
  });

  it("an invitation needs room for one more person in the household", async () => {
    await api.people.list(); // the own person: 1
    for (let index = 2; index <= 50; index += 1) {
      await api.people.create({ ...CHILD, name: `Child ${index}` });
    }
    await expectTrpcError(
      api.households.createInvitation({ role: "adult" }),
      "BAD_REQUEST",
      /50 people/,
    );
  });
});

describe("plan duplicate, export and import keep who eats the plan", () => {
  it("a copy is eaten by the same people, each supplement still its person's", async () => {
    const { benId, planId } = await household();
    await api.plans.addSupplement({ planId, personId: benId, doseMicrograms: 50, form: "tablet" });
    const { id: copyId } = await api.plans.duplicate({ planId });
    expect(await api.plans.eaters({ planId: copyId })).toEqual(await api.plans.eaters({ planId }));
    expect((await api.plans.get({ planId: copyId })).supplements[0]).toMatchObject({
      personId: benId,
      personName: "Ben",
    });
  });

  it("a plan file names its eaters; the same household gets its people back by name", async () => {
    const { benId, planId } = await household();
    await api.plans.addSupplement({ planId, personId: benId, doseMicrograms: 50, form: "tablet" });
    const file = await api.plans.export({ planId });
    expect(file.eaters?.map((eater) => [eater.name, eater.portionFactor])).toEqual([
      ["Ana", 1],
      ["Ben", 1],
      ["Cleo", 0.5],
    ]);
    expect(file.eaters?.[2]?.profile).toMatchObject({ ageYears: 6, diet: "vegan" });
    expect(file.supplements?.[0]).toMatchObject({ personName: "Ben" });

    const { id } = await api.plans.import({ file: JSON.parse(JSON.stringify(file)) });
    expect(await api.plans.eaters({ planId: id })).toEqual(await api.plans.eaters({ planId }));
    expect((await api.plans.get({ planId: id })).supplements[0]?.personId).toBe(benId);
  });

  it("another household's file falls back to the importing account's own person", async () => {
    const { planId } = await household();
    await api.plans.addSupplement({ planId, doseMicrograms: 50, form: "tablet" });
    const file = JSON.parse(JSON.stringify(await api.plans.export({ planId })));
    const other = test.caller("other-household");
    const [own] = await other.people.list();
    const { id } = await other.plans.import({ file });
    expect(await other.plans.eaters({ planId: id })).toEqual([
      { personId: own?.id, name: own?.name, portionFactor: 1 },
    ]);
    expect((await other.plans.get({ planId: id })).supplements[0]?.personId).toBe(own?.id);
  });
});
