/**
 * Isolation between households, for EVERY procedure of `appRouter` (found generically,
 * like the fuzz test, so a procedure added later fails the "every procedure has an input
 * here" check until it is added):
 *
 * - signed out, every procedure answers UNAUTHORIZED and writes nothing;
 * - as account B (another household), every procedure given account A's ids answers
 *   NOT_FOUND exactly as it answers an id that does not exist (same code, same message,
 *   same field), and writes nothing;
 * - as B, procedures that take no id of A's (lists, search, create, export …) return
 *   nothing of A's: none of A's ids or names appear in what they answer;
 * - a viewer of A's household reads, but every mutation is FORBIDDEN and writes nothing.
 *
 * The accounts are real: signed up through better-auth's HTTP handler, sessions read from
 * the cookie exactly as the tRPC endpoint does.
 */
import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawAll, rawArrays } from "@/db/raw";
import { owners } from "@/db/schema";
import { createInvitation } from "@/server/services/households";
import { appRouter } from "@/server/trpc/root";
import { createTestAuth, type TestAuth } from "../factories/accounts";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";

// Password hashing (scrypt) and many calls per test: generous limits on a shared machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 180_000 });

type Procedure = { _def: { type: "query" | "mutation" | "subscription" } };
const PROCEDURES = Object.entries(
  appRouter._def.procedures as unknown as Record<string, Procedure>,
).filter(([, procedure]) => procedure._def.type !== "subscription");

type Ids = {
  planId: string;
  entryId: string;
  removedEntryId: string;
  customFoodId: string;
  supplementId: string;
  extraId: string;
  invitationId: string;
  userId: string;
  personId: string;
  recipeId: string;
  dishId: string;
};

const UNKNOWN: Ids = {
  planId: "00000000-0000-4000-8000-000000000000",
  entryId: "00000000-0000-4000-8000-000000000001",
  removedEntryId: "00000000-0000-4000-8000-000000000006",
  customFoodId: "custom-00000000-0000-4000-8000-000000000002",
  supplementId: "00000000-0000-4000-8000-000000000003",
  extraId: "00000000-0000-4000-8000-000000000004",
  invitationId: "00000000-0000-4000-8000-000000000005",
  userId: "no-such-account",
  personId: "person-00000000-0000-4000-8000-000000000007",
  recipeId: "00000000-0000-4000-8000-000000000008",
  dishId: "00000000-0000-4000-8000-000000000009",
};

/** A valid input per procedure; `null` marks procedures that take no id of anyone's. */
const INPUTS: Record<string, (ids: Ids) => unknown> = {
  "backup.export": () => undefined,
  "backup.restore": () => null,
  "foods.search": () => ({ query: "A's secret", limit: 50 }),
  "foods.get": (ids) => ({ id: ids.customFoodId }),
  "foods.groups": () => undefined,
  "foods.recent": () => ({ limit: 50 }),
  "foods.favorites": () => undefined,
  "foods.setFavorite": (ids) => ({ foodId: ids.customFoodId, favorite: true }),
  "foods.amountPreview": (ids) => ({ foodId: ids.customFoodId, grams: 100 }),
  "foods.labelPreview": () => ({ servingGrams: 240, b12: { micrograms: 1 } }),
  "foods.createCustom": () => buildCustomFoodInput({ name: "B's food" }),
  "foods.updateCustom": (ids) => ({ id: ids.customFoodId, ...buildCustomFoodInput() }),
  "foods.deleteCustom": (ids) => ({ id: ids.customFoodId }),
  "foods.setDietOverride": (ids) => ({ foodId: ids.customFoodId, diet: "vegan", note: "x" }),
  "households.get": () => undefined,
  "households.rename": () => ({ name: "B's home" }),
  "households.createInvitation": () => ({ role: "adult" }),
  "households.revokeInvitation": (ids) => ({ invitationId: ids.invitationId }),
  "households.setMemberRole": (ids) => ({ userId: ids.userId, role: "viewer" }),
  "households.removeMember": (ids) => ({ userId: ids.userId }),
  "households.resetPassword": (ids) => ({ userId: ids.userId, newPassword: "hijacked password" }),
  "households.setPasswordSignUp": () => ({ enabled: false }),
  "profile.get": () => undefined,
  "profile.update": () => ({ ageYears: 40, sex: "male", diet: "omnivore", standard: "nih" }),
  "plans.list": () => undefined,
  "plans.get": (ids) => ({ planId: ids.planId }),
  "plans.create": () => ({ name: "B's plan", dayCount: 2 }),
  "plans.rename": (ids) => ({ planId: ids.planId, name: "Taken" }),
  "plans.update": (ids) => ({ planId: ids.planId, name: "Taken", startDate: null }),
  "plans.duplicate": (ids) => ({ planId: ids.planId }),
  "plans.delete": (ids) => ({ planId: ids.planId }),
  "plans.export": (ids) => ({ planId: ids.planId }),
  "plans.import": (ids) => ({
    file: {
      format: "b12-planner-plan",
      version: 1,
      plan: { name: "Imported", dayCount: 1, startDate: null },
      entries: [{ day: 1, meal: "lunch", foodId: ids.customFoodId, grams: 30 }],
    },
  }),
  "plans.addEntry": (ids) => ({
    planId: ids.planId,
    day: 1,
    meal: "dinner",
    foodId: "sr28-16139",
    grams: 100,
  }),
  "plans.addToDays": (ids) => ({
    planId: ids.planId,
    foodId: "sr28-16139",
    meals: ["lunch"],
    days: [1],
    grams: 100,
  }),
  "plans.updateEntry": (ids) => ({ entryId: ids.entryId, grams: 120 }),
  "plans.moveEntry": (ids) => ({ entryId: ids.entryId, day: 2, meal: "snack" }),
  "plans.removeEntry": (ids) => ({ entryId: ids.entryId }),
  "plans.restoreEntry": (ids) => ({ entryId: ids.removedEntryId }),
  "plans.copyMeal": (ids) => ({ planId: ids.planId, fromDay: 1, meal: "breakfast", toDays: [2] }),
  "plans.copyDay": (ids) => ({ planId: ids.planId, fromDay: 1, toDays: [2], replace: true }),
  "plans.addSupplement": (ids) => ({
    planId: ids.planId,
    personId: ids.personId,
    doseMicrograms: 250,
    form: "tablet",
    everyNDays: 1,
  }),
  "plans.updateSupplement": (ids) => ({
    supplementId: ids.supplementId,
    personId: ids.personId,
    doseMicrograms: 500,
  }),
  "plans.removeSupplement": (ids) => ({ supplementId: ids.supplementId }),
  "plans.suggestions": (ids) => ({ planId: ids.planId, personId: ids.personId }),
  "plans.totals": (ids) => ({ planId: ids.planId, personId: ids.personId }),
  "plans.eaters": (ids) => ({ planId: ids.planId }),
  "plans.setEaters": (ids) => ({
    planId: ids.planId,
    eaters: [{ personId: ids.personId, portionFactor: 0.5 }],
  }),
  "people.list": () => undefined,
  "people.create": () => ({
    name: "B's child",
    ageYears: 6,
    sex: "female",
    diet: "omnivore",
    standard: "nih",
  }),
  "people.update": (ids) => ({ personId: ids.personId, ageYears: 7 }),
  "people.delete": (ids) => ({ personId: ids.personId }),
  "recipes.list": () => undefined,
  "recipes.get": (ids) => ({ recipeId: ids.recipeId }),
  "recipes.create": () => ({ name: "B's recipe", servings: 2, ingredients: [{ text: "salt" }] }),
  "recipes.update": (ids) => ({ recipeId: ids.recipeId, name: "Taken", servings: 3 }),
  "recipes.delete": (ids) => ({ recipeId: ids.recipeId, removeFromPlans: true }),
  "recipes.duplicate": (ids) => ({ recipeId: ids.recipeId, servings: 4 }),
  "recipes.parseIngredients": () => ({ text: "200 ml Alice oat drink\n1 tbsp secret sauce" }),
  "recipes.importJsonLd": () => ({
    json: JSON.stringify({
      "@type": "Recipe",
      name: "B's import",
      recipeIngredient: ["1 cup Alice oat drink"],
    }),
  }),
  "plans.addRecipe": (ids) => ({
    planId: ids.planId,
    day: 1,
    meal: "lunch",
    recipeId: ids.recipeId,
    servings: 1,
  }),
  "plans.updateDish": (ids) => ({ planId: ids.planId, dishId: ids.dishId, servings: 2 }),
  "plans.moveDish": (ids) => ({ planId: ids.planId, dishId: ids.dishId, day: 2, meal: "snack" }),
  "plans.removeDish": (ids) => ({ planId: ids.planId, dishId: ids.dishId }),
  "shopping.list": (ids) => ({ planId: ids.planId, guests: 1 }),
  "shopping.setPreferences": (ids) => ({ planId: ids.planId, guests: 2 }),
  "shopping.setChecked": (ids) => ({ planId: ids.planId, itemKey: "sr28-16139", checked: true }),
  "shopping.setInPantry": (ids) => ({ planId: ids.planId, itemKey: "sr28-16139", inPantry: true }),
  "shopping.setAisle": (ids) => ({
    planId: ids.planId,
    foodId: ids.customFoodId,
    aisle: "produce",
  }),
  "shopping.clearChecked": (ids) => ({ planId: ids.planId }),
  "shopping.addExtra": (ids) => ({ planId: ids.planId, text: "milk" }),
  "shopping.removeExtra": (ids) => ({ planId: ids.planId, extraId: ids.extraId }),
};

/** Procedures whose input carries one of A's ids (the rest take none). */
const TAKES_IDS = Object.keys(INPUTS).filter((path) => {
  const input = INPUTS[path]?.(UNKNOWN);
  return input !== null && JSON.stringify(input ?? null).match(/0000-4000|no-such-account/);
});

let test: TestDatabase;
let auth: TestAuth;
let cookieA: string;
let cookieB: string;
let cookieViewer: string;
let idsA: Ids;
let secretsOfA: string[];

type Caller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
const asCaller = (caller: unknown) => caller as Caller;

async function call(cookie: string, path: string, input: unknown): Promise<unknown> {
  const [area = "", name = ""] = path.split(".");
  const procedure = asCaller(auth.callerFor(cookie))[area]?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure(input);
}

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const TABLE_NAMES = {
  sqlite: `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  pg: `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
};

/** Every row of every table, hashed: "nothing was written". */
async function databaseHash(): Promise<string> {
  const hash = createHash("sha256");
  const tables = await rawAll<{ name: string }>(test.db, TABLE_NAMES);
  expect(tables.map((table) => table.name)).toContain("plan_entries");
  for (const { name } of tables) {
    const rows = await rawArrays(test.db, `SELECT * FROM "${name}"`);
    hash.update(
      `${name}\n${rows
        .map((row) => JSON.stringify(row))
        .sort()
        .join("\n")}\n`,
    );
  }
  return hash.digest("hex");
}

beforeAll(async () => {
  test = createTestDatabase();
  auth = createTestAuth(test.db);
  // A: the first account (from localhost), so the owner of the `local` household.
  const a = await auth.signUp("alice@example.org");
  expect(a.response.status).toBe(200);
  cookieA = a.cookie;
  const apiA = auth.callerFor(cookieA);
  // B: the owner of another household on the same server.
  await test.db.insert(owners).values({ id: "household-b", name: "B's household" });
  const invitationB = await createInvitation(test.db, "household-b", "setup", "owner");
  const b = await auth.signUp("bob@example.org", { "x-invitation-token": invitationB.token });
  expect(b.response.status).toBe(200);
  cookieB = b.cookie;
  // A viewer in A's household.
  const viewerInvitation = await apiA.households.createInvitation({ role: "viewer" });
  const viewer = await auth.signUp("vera@example.org", {
    "x-invitation-token": viewerInvitation.token,
  });
  expect(viewer.response.status).toBe(200);
  cookieViewer = viewer.cookie;

  const food = await apiA.foods.createCustom(buildCustomFoodInput({ name: "Alice's oat drink" }));
  const plan = await apiA.plans.create({ name: "Alice's secret week", dayCount: 3 });
  const entry = await apiA.plans.addEntry({
    planId: plan.id,
    day: 1,
    meal: "breakfast",
    foodId: food.id,
    grams: 200,
  });
  // An entry A removed a moment ago (plans.restoreEntry could still bring it back).
  const removed = await apiA.plans.addEntry({
    planId: plan.id,
    day: 2,
    meal: "lunch",
    foodId: food.id,
    grams: 50,
  });
  await apiA.plans.removeEntry({ entryId: removed.id });
  await apiA.foods.setFavorite({ foodId: food.id, favorite: true });
  const supplement = await apiA.plans.addSupplement({
    planId: plan.id,
    doseMicrograms: 50,
    form: "tablet",
    everyNDays: 1,
  });
  const extra = await apiA.shopping.addExtra({ planId: plan.id, text: "Alice's bread" });
  await apiA.profile.update({ ageYears: 68, sex: "male", diet: "vegan", standard: "efsa" });
  const child = await apiA.people.create({
    name: "Alice's child",
    ageYears: 6,
    sex: "female",
    diet: "vegan",
    standard: "nih",
  });
  const recipe = await apiA.recipes.create({
    name: "Alice's secret stew",
    servings: 2,
    ingredients: [{ foodId: food.id, grams: 300 }, { text: "Alice's secret spice" }],
  });
  const dish = await apiA.plans.addRecipe({
    planId: plan.id,
    day: 1,
    meal: "dinner",
    recipeId: recipe.id,
    servings: 1,
  });
  const pending = await apiA.households.createInvitation({ role: "adult" });
  const household = await apiA.households.get();
  const alice = household.members.find((member) => member.email === "alice@example.org");
  idsA = {
    planId: plan.id,
    entryId: entry.id,
    removedEntryId: removed.id,
    customFoodId: food.id,
    supplementId: supplement.id,
    extraId: extra.extraId,
    invitationId: pending.id,
    userId: alice?.userId ?? "",
    personId: child.id,
    recipeId: recipe.id,
    dishId: dish.id,
  };
  secretsOfA = [
    ...Object.values(idsA),
    "Alice's oat drink",
    "Alice's secret week",
    "Alice's bread",
    "Alice's child",
    "Alice's secret stew",
    "Alice's secret spice",
    "alice@example.org",
    "vera@example.org",
  ];
}, 120_000);

afterAll(async () => {
  await test?.close();
});

describe("every procedure, household isolation", () => {
  it("has an input here for every procedure of the router", () => {
    const names = PROCEDURES.map(([name]) => name).sort();
    expect(names.length).toBeGreaterThanOrEqual(45);
    expect(Object.keys(INPUTS).sort()).toEqual(names);
  });

  it("signed out, every procedure answers UNAUTHORIZED and writes nothing", async () => {
    const before = await databaseHash();
    for (const [path] of PROCEDURES) {
      for (const input of [INPUTS[path]?.(idsA), undefined, { planId: 1 }]) {
        const error = await failure(call("", path, input));
        expect(error.code, path).toBe("UNAUTHORIZED");
      }
      // A forged or stale cookie is no session either.
      const forged = await failure(
        call("better-auth.session_token=forged.signature", path, INPUTS[path]?.(idsA)),
      );
      expect(forged.code, path).toBe("UNAUTHORIZED");
    }
    expect(await databaseHash()).toBe(before);
  });

  it("as B, every procedure given A's ids answers exactly as for an unknown id", async () => {
    expect(TAKES_IDS.length).toBeGreaterThanOrEqual(25);
    const before = await databaseHash();
    for (const path of TAKES_IDS) {
      const withAIds = await failure(call(cookieB, path, INPUTS[path]?.(idsA)));
      const withUnknown = await failure(call(cookieB, path, INPUTS[path]?.(UNKNOWN)));
      expect(withAIds.code, path).toBe("NOT_FOUND");
      const shape = (error: TRPCError, ids: Ids) => ({
        code: error.code,
        message: Object.entries(ids).reduce(
          (message, [key, id]) => message.replaceAll(id, `<${key}>`),
          error.message,
        ),
        field: (error.cause as { field?: string } | undefined)?.field ?? null,
      });
      expect(shape(withAIds, idsA), path).toEqual(shape(withUnknown, UNKNOWN));
    }
    expect(await databaseHash()).toBe(before);
  });

  it("as B, procedures without ids never answer with anything of A's", async () => {
    const exported = await call(cookieB, "backup.export", undefined);
    for (const [path, procedure] of PROCEDURES) {
      if (TAKES_IDS.includes(path)) continue;
      const input = path === "backup.restore" ? { file: exported } : INPUTS[path]?.(idsA);
      const result = await call(cookieB, path, input).catch((error: unknown) => {
        // The server's settings belong to its admin (A's household): B may not change them.
        expect(path).toBe("households.setPasswordSignUp");
        expect((error as TRPCError).code).toBe("FORBIDDEN");
        return null;
      });
      const text = JSON.stringify(result ?? null);
      for (const secret of secretsOfA)
        expect(text, `${path} (${procedure._def.type})`).not.toContain(secret);
    }
    // And A's data is all still there, untouched by B's calls.
    const apiA = auth.callerFor(cookieA);
    expect((await apiA.plans.get({ planId: idsA.planId })).name).toBe("Alice's secret week");
    expect((await apiA.profile.get()).profile).toMatchObject({ ageYears: 68 });
  });

  it("a viewer reads the household's plans but every mutation is FORBIDDEN", async () => {
    const before = await databaseHash();
    for (const [path, procedure] of PROCEDURES) {
      if (procedure._def.type !== "mutation") continue;
      const input = INPUTS[path]?.(idsA);
      const error = await failure(call(cookieViewer, path, input === null ? {} : input));
      expect(error.code, path).toBe("FORBIDDEN");
    }
    expect(await databaseHash()).toBe(before);
    const plan = (await call(cookieViewer, "plans.get", { planId: idsA.planId })) as {
      name: string;
    };
    expect(plan.name).toBe("Alice's secret week");
  });
});
