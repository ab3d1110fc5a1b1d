/**
 * people.* and plans.setEaters: a household's people with their own profiles, isolation
 * and roles, the migration of an existing profile, and per-person plan totals on a real
 * temporary SQLite database.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asSqlite, MIGRATIONS_FOLDER, openDatabase } from "@/db/client";
import { rawGet } from "@/db/raw";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { createPlanWith } from "../factories/plans";
import { expectTrpcError, malformed } from "../helpers";
import { sqliteOnly, suiteOnPostgres } from "../pg-scratch";

const SOYMILK = "sr28-16139"; // 0.85 µg per 100 g (SR28)
const CHILD = { name: "Mia", ageYears: 6, sex: "female", diet: "vegan", standard: "nih" } as const;

let test: TestDatabase;
let api: ReturnType<TestDatabase["caller"]>;

beforeEach(() => {
  test = createTestDatabase();
  api = test.caller();
});
afterEach(() => test.close());

describe("people", () => {
  it("lists the signed-in account's own person first, then adds, edits and removes a child", async () => {
    const [me] = await api.people.list();
    expect(me).toMatchObject({ isYou: true, hasLogin: true, isDefault: true });
    const child = await api.people.create(CHILD);
    expect(child).toMatchObject({
      name: "Mia",
      isYou: false,
      hasLogin: false,
      profile: { ageYears: 6, sex: "female", diet: "vegan", conditions: [] },
      target: { micrograms: 1.2 }, // NIH ODS / IOM 1998: children 4-8 years
    });
    const older = await api.people.update({ personId: child.id, ageYears: 9, name: "Mia B." });
    expect(older).toMatchObject({ name: "Mia B.", target: { micrograms: 1.8 } }); // 9-13 years
    expect((await api.people.list()).map((person) => person.name)).toEqual([me?.name, "Mia B."]);
    expect(await api.people.delete({ personId: child.id })).toEqual({ id: child.id });
    expect(await api.people.list()).toHaveLength(1);
  });

  it("rejects bad input naming the field, and changes nothing", async () => {
    const child = await api.people.create(CHILD);
    await expectTrpcError(api.people.create({ ...CHILD, name: " " }), "BAD_REQUEST", /name/);
    await expectTrpcError(
      api.people.create({ ...CHILD, sex: "male", pregnant: true }),
      "BAD_REQUEST",
      /pregnant can only be true when sex is female/,
    );
    const error = await expectTrpcError(
      api.people.update({ personId: child.id, sex: "male", breastfeeding: false, pregnant: true }),
      "BAD_REQUEST",
      /pregnant/,
    );
    expect(error.cause).toMatchObject({ field: "pregnant" });
    await expectTrpcError(
      api.people.update(malformed({ personId: child.id, ageYears: 121 })),
      "BAD_REQUEST",
      /ageYears/,
    );
    expect((await api.people.list())[1]?.profile).toMatchObject({ ageYears: 6, sex: "female" });
  });

  it("refuses a NUL character in ids and drops control characters from names (PostgreSQL text holds no NUL)", async () => {
    const child = await api.people.create({ ...CHILD, name: "Mi\u0000a\u001b" });
    expect(child.name).toBe("Mia");
    await expectTrpcError(api.people.create({ ...CHILD, name: "\u0000" }), "BAD_REQUEST", /name/);
    await expectTrpcError(
      api.people.update({ personId: `${child.id}\u0000`, ageYears: 7 }),
      "BAD_REQUEST",
      /personId must not contain a NUL character/,
    );
    await expectTrpcError(
      api.plans.setEaters({ planId: "p\u0000", eaters: [{ personId: child.id }] }),
      "BAD_REQUEST",
      /planId must not contain a NUL character/,
    );
    await expectTrpcError(
      api.plans.get({ planId: "\u0000plan" }),
      "BAD_REQUEST",
      /planId must not contain a NUL character/,
    );
    await api.people.delete({ personId: child.id });
  });

  it("keeps at most 50 people per household", async () => {
    await api.people.list(); // the own person: 1
    for (let index = 2; index <= 50; index += 1) {
      await api.people.create({ ...CHILD, name: `Child ${index}` });
    }
    await expectTrpcError(api.people.create(CHILD), "BAD_REQUEST", /50 people/);
    expect(await api.people.list()).toHaveLength(50);
  });

  it("answers NOT_FOUND for another household's person, exactly as for an unknown id", async () => {
    const child = await api.people.create(CHILD);
    const other = test.caller("other-household");
    for (const personId of [child.id, "person-nobody"]) {
      await expectTrpcError(other.people.update({ personId, ageYears: 7 }), "NOT_FOUND");
      await expectTrpcError(other.people.delete({ personId }), "NOT_FOUND");
      const planId = await createPlanWith(other, { dayCount: 1 });
      await expectTrpcError(other.plans.totals({ planId, personId }), "NOT_FOUND");
      await expectTrpcError(
        other.plans.setEaters({ planId, eaters: [{ personId, portionFactor: 1 }] }),
        "NOT_FOUND",
        /person/,
      );
    }
    expect((await other.people.list()).map((person) => person.name)).not.toContain("Mia");
    expect((await api.people.list())[1]).toMatchObject({ name: "Mia", profile: { ageYears: 6 } });
  });

  it("makes one own person for an account whose first requests arrive together", async () => {
    const before = (await api.people.list()).length;
    const newcomer = createCaller(
      createInnerContext({ db: test.db, session: { accountId: "newcomer", role: "adult" } }),
    );
    // Each request finds no person and creates one (inside a household write, so on
    // PostgreSQL the second waits for the first and finds its person).
    const answers = await Promise.all([
      newcomer.people.list(),
      newcomer.profile.get(),
      newcomer.people.list(),
      newcomer.profile.get(),
    ]);
    const own = (await api.people.list()).filter((person) => person.hasLogin);
    expect(await api.people.list()).toHaveLength(before + 1);
    const ids = new Set(
      [answers[0], answers[2]].map((list) => list.find((person) => person.isYou)?.id),
    );
    expect(ids.size).toBe(1);
    expect(own.map((person) => person.id)).toContain([...ids][0]);
  });

  it("lets a viewer read people but not add, change or remove them", async () => {
    const child = await api.people.create(CHILD);
    const viewer = createCaller(
      createInnerContext({ db: test.db, session: { accountId: "viewer-1", role: "viewer" } }),
    );
    expect((await viewer.people.list()).map((person) => person.name)).toContain("Mia");
    await expectTrpcError(viewer.people.create(CHILD), "FORBIDDEN");
    await expectTrpcError(viewer.people.update({ personId: child.id, ageYears: 8 }), "FORBIDDEN");
    await expectTrpcError(viewer.people.delete({ personId: child.id }), "FORBIDDEN");
  });

  it("does not remove a person who signs in; profile.* is that account's own person", async () => {
    await api.profile.update({ ageYears: 68, sex: "male", diet: "vegan", standard: "nih" });
    const [me] = await api.people.list();
    expect(me).toMatchObject({ isYou: true, isDefault: false, profile: { ageYears: 68 } });
    await expectTrpcError(api.people.delete({ personId: me?.id ?? "" }), "BAD_REQUEST", /signs in/);
    // A second adult of the same household has a person of their own.
    const partner = createCaller(
      createInnerContext({ db: test.db, session: { accountId: "partner", role: "adult" } }),
    );
    expect(await partner.profile.get()).toMatchObject({
      isDefault: true,
      profile: { ageYears: 30 },
    });
    await partner.profile.update({
      ageYears: 41,
      sex: "female",
      diet: "omnivore",
      standard: "nih",
    });
    expect((await api.profile.get()).profile.ageYears).toBe(68);
    expect((await api.people.list()).map((person) => person.profile.ageYears)).toEqual([68, 41]);
  });
});

describe("plan eaters and per-person totals", () => {
  it("two adults and a child at 0.5: each against their own target", async () => {
    // Me: 30, female (the default profile): NIH RDA 2.4 µg. Partner: pregnant, 2.6 µg.
    // Child of 6: 1.2 µg (IOM 1998 / NIH ODS).
    const [me] = await api.people.list();
    const partner = await api.people.create({
      name: "Sam",
      ageYears: 32,
      sex: "female",
      pregnant: true,
      diet: "vegetarian",
      standard: "nih",
    });
    const child = await api.people.create(CHILD);
    const planId = await createPlanWith(api, { dayCount: 1 });
    // The creator eats a new plan at the plan's amounts.
    expect(await api.plans.eaters({ planId })).toEqual([
      { personId: me?.id, name: me?.name, portionFactor: 1 },
    ]);
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 300 });
    const eaters = await api.plans.setEaters({
      planId,
      eaters: [
        { personId: me?.id ?? "", portionFactor: 1 },
        { personId: partner.id, portionFactor: 1 },
        { personId: child.id, portionFactor: 0.5 },
      ],
    });
    expect(eaters.map((eater) => eater.portionFactor)).toEqual([1, 1, 0.5]);

    const totals = await api.plans.totals({ planId });
    // 300 g × 0.85 µg/100 g = 2.55 µg; the child eats 150 g = 1.275 µg.
    expect(totals.personId).toBe(me?.id);
    expect(totals.averageB12Micrograms).toBeCloseTo(2.55, 12);
    expect(totals.people.map((person) => person.name)).toEqual([me?.name, "Sam", "Mia"]);
    const [mine, sams, mias] = totals.people;
    expect(mine).toMatchObject({ portionFactor: 1, target: { micrograms: 2.4 } });
    expect(mine?.averageB12Micrograms).toBeCloseTo(2.55, 12);
    expect(sams).toMatchObject({ portionFactor: 1, target: { micrograms: 2.6 }, status: "short" });
    expect(sams?.averageB12Micrograms).toBeCloseTo(2.55, 12);
    expect(mias).toMatchObject({ portionFactor: 0.5, target: { micrograms: 1.2 } });
    expect(mias?.averageB12Micrograms).toBeCloseTo(1.275, 12);

    // Each line agrees with asking for that person's own totals.
    for (const person of totals.people) {
      const own = await api.plans.totals({ planId, personId: person.personId });
      expect(own.personId).toBe(person.personId);
      expect(own.portionFactor).toBe(person.portionFactor);
      expect(own.status).toBe(person.status);
      expect(own.target).toEqual(person.target);
      expect(own.averageB12Micrograms).toBe(person.averageB12Micrograms);
      expect(own.averageAbsorbedB12Micrograms).toBe(person.averageAbsorbedB12Micrograms);
    }
    // An edit answers with the signed-in person's totals and everyone's line, as they now
    // are: 400 g × 0.85 µg/100 g = 3.4 µg; Mia eats 200 g = 1.7 µg.
    const edit = await api.plans.addEntry({
      planId,
      day: 1,
      meal: "lunch",
      foodId: SOYMILK,
      grams: 100,
    });
    expect(edit.totals.personId).toBe(me?.id);
    expect(edit.totals.averageB12Micrograms).toBeCloseTo(3.4, 12);
    expect(edit.totals.people.map((person) => person.averageB12Micrograms)).toEqual([
      expect.closeTo(3.4, 12),
      expect.closeTo(3.4, 12),
      expect.closeTo(1.7, 12),
    ]);
    expect(edit.totals.people[0]?.status).toBe(edit.totals.status);
    await api.plans.removeEntry({ entryId: edit.id });

    const childTotals = await api.plans.totals({ planId, personId: child.id });
    expect(childTotals.days[0]?.b12Micrograms).toBeCloseTo(1.275, 12);
    expect(childTotals.targetMicrograms).toBe(1.2);

    // Suggestions follow the selected person's diet (Mia is vegan).
    const forMia = await api.plans.suggestions({ planId, personId: child.id });
    expect(forMia.foods.length).toBeGreaterThan(0);
    const diets = await Promise.all(
      forMia.foods.map(
        async (food) =>
          (
            await rawGet<{ diet: string }>(test.db, "SELECT diet FROM foods WHERE id = ?", [
              food.foodId,
            ])
          )?.diet,
      ),
    );
    expect(new Set(diets)).toEqual(new Set(["vegan"]));
    // Mia eats half the plan's amounts: each food is judged, and explained, at her share.
    for (const food of forMia.foods) {
      expect(food.explanation).toContain(`Eaten at 0.5 × the plan's amounts, each portion gives`);
    }
  });

  it("a child's new age changes their totals at once (the cache knows the person)", async () => {
    const child = await api.people.create({ ...CHILD, ageYears: 2 }); // 1-3 years: 0.9 µg
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 100 });
    await api.plans.setEaters({ planId, eaters: [{ personId: child.id, portionFactor: 1 }] });
    expect((await api.plans.totals({ planId, personId: child.id })).targetMicrograms).toBe(0.9);
    await api.people.update({ personId: child.id, ageYears: 6 });
    expect((await api.plans.totals({ planId, personId: child.id })).targetMicrograms).toBe(1.2);
    await api.plans.setEaters({ planId, eaters: [{ personId: child.id, portionFactor: 2 }] });
    const doubled = await api.plans.totals({ planId, personId: child.id });
    expect(doubled.averageB12Micrograms).toBeCloseTo(1.7, 12); // 200 g × 0.85 / 100
  });

  it("a supplement counts for the person it belongs to (by default the one who adds it)", async () => {
    const [me] = await api.people.list();
    const child = await api.people.create(CHILD);
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.plans.addSupplement({ planId, doseMicrograms: 250, form: "tablet", everyNDays: 1 });
    await api.plans.setEaters({
      planId,
      eaters: [
        { personId: me?.id ?? "", portionFactor: 1 },
        { personId: child.id, portionFactor: 0.5 },
      ],
    });
    const totals = await api.plans.totals({ planId });
    expect(totals.averageSupplementB12Micrograms).toBe(250);
    expect(totals.people.map((person) => person.averageB12Micrograms)).toEqual([250, 0]);
    const forChild = await api.plans.totals({ planId, personId: child.id });
    expect(forChild.averageSupplementB12Micrograms).toBe(0);
    expect(forChild.regimens).toEqual([]);
  });

  it("rejects bad eaters naming the field, and keeps the old ones", async () => {
    const child = await api.people.create(CHILD);
    const planId = await createPlanWith(api, { dayCount: 1 });
    const before = await api.plans.eaters({ planId });
    for (const [eaters, text] of [
      [[], /at least one/],
      [[{ personId: child.id, portionFactor: 0.05 }], /portionFactor must be between 0.1 and 3/],
      [[{ personId: child.id, portionFactor: 3.5 }], /portionFactor/],
      [
        [
          { personId: child.id, portionFactor: 1 },
          { personId: child.id, portionFactor: 1 },
        ],
        /twice/,
      ],
    ] as const) {
      await expectTrpcError(
        api.plans.setEaters(malformed({ planId, eaters })),
        "BAD_REQUEST",
        text,
      );
    }
    const unknown = await expectTrpcError(
      api.plans.setEaters({
        planId,
        eaters: [
          { personId: child.id, portionFactor: 1 },
          { personId: "person-nobody", portionFactor: 1 },
        ],
      }),
      "NOT_FOUND",
    );
    expect(unknown.cause).toMatchObject({ field: "eaters.1.personId" });
    expect(await api.plans.eaters({ planId })).toEqual(before);
  });

  it("removing a person takes them off every plan", async () => {
    const child = await api.people.create(CHILD);
    const planId = await createPlanWith(api, { dayCount: 1 });
    const [me] = await api.people.list();
    await api.plans.setEaters({
      planId,
      eaters: [
        { personId: me?.id ?? "", portionFactor: 1 },
        { personId: child.id, portionFactor: 0.5 },
      ],
    });
    await api.people.delete({ personId: child.id });
    expect((await api.plans.eaters({ planId })).map((eater) => eater.personId)).toEqual([me?.id]);
  });
});

describe("migration 0007", () => {
  let directory: string;
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it.skipIf(suiteOnPostgres)(
    sqliteOnly("turns a household's saved profile into its first person, eating its plans"),
    async () => {
      directory = mkdtempSync(path.join(tmpdir(), "b12-people-"));
      // The migrations as they were before people: 0000-0006.
      const before = path.join(directory, "migrations");
      cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
      const journalPath = path.join(before, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
        entries: { tag: string }[];
      };
      journal.entries = journal.entries.filter((entry) => entry.tag < "0007");
      writeFileSync(journalPath, JSON.stringify(journal));
      const db = openDatabase(path.join(directory, "old.db"));
      try {
        migrate(asSqlite(db), { migrationsFolder: before });
        const sql = db.$client;
        sql.prepare(`INSERT OR IGNORE INTO owners (id, name) VALUES ('local', 'Local')`).run();
        sql
          .prepare(
            `INSERT INTO profiles (owner_id, age_years, sex, diet, standard, conditions)
           VALUES ('local', 68, 'male', 'vegan', 'efsa', '["metformin"]')`,
          )
          .run();
        sql
          .prepare(
            `INSERT INTO plans (id, owner_id, name, day_count) VALUES ('p1', 'local', 'Old week', 7)`,
          )
          .run();
        migrate(asSqlite(db), { migrationsFolder: MIGRATIONS_FOLDER });
        expect(
          sql
            .prepare(
              `SELECT id, household_id, account_id, age_years, sex, diet, standard, conditions, is_default FROM people`,
            )
            .all(),
        ).toEqual([
          {
            id: "profile-local",
            household_id: "local",
            account_id: null,
            age_years: 68,
            sex: "male",
            diet: "vegan",
            standard: "efsa",
            conditions: '["metformin"]',
            is_default: 0,
          },
        ]);
        expect(sql.prepare(`SELECT * FROM plan_eaters`).all()).toEqual([
          { plan_id: "p1", person_id: "profile-local", portion_factor: 1, position: 0 },
        ]);
        // The household's owner takes the person over when they first sign in.
        const owner = createCaller(
          createInnerContext({ db, session: { accountId: "first-admin", role: "owner" } }),
        );
        expect(await owner.profile.get()).toMatchObject({
          isDefault: false,
          profile: { ageYears: 68, diet: "vegan", standard: "efsa", conditions: ["metformin"] },
        });
        expect(await owner.people.list()).toMatchObject([{ id: "profile-local", isYou: true }]);
      } finally {
        db.$client.close();
      }
    },
  );
});
