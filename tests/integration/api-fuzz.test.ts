/**
 * API fuzz test: every procedure of `appRouter`, found generically from
 * `appRouter._def.procedures` (so procedures added later are fuzzed without touching this
 * file), gets thousands of malformed inputs in total through a tRPC caller on a real,
 * seeded temporary database. Seeded fast-check: the same inputs on every run.
 *
 * What is asserted, per call:
 * - it succeeds, or fails with a TRPCError whose HTTP status is 4xx (BAD_REQUEST,
 *   NOT_FOUND, CONFLICT …) and whose message is non-empty and free of internals; never
 *   INTERNAL_SERVER_ERROR, never a bare Error;
 * - a call that fails committed nothing, and a query never commits anything. "Committed"
 *   is read from `PRAGMA data_version` on a second connection to the same file, which
 *   changes exactly when another connection commits: a write that was rolled back does
 *   not count, a partial write left behind by a failed edit does.
 *
 * And over whole phases, "the database is unchanged" (a hash of every row of every table,
 * FTS5 shadow tables included):
 * - phase 1, garbage: inputs the procedure's own input schema rejects (wrong types,
 *   undefined/null, 100k-character strings, negative, NaN/±Infinity, -0, bigints, Maps,
 *   deep nesting, arrays for objects, extra and prototype-polluting keys). All certainly
 *   invalid, so every call must fail and the hash must not move.
 * - phase 2, unknown ids: valid inputs whose every id is one this owner cannot see (a
 *   random UUID, or another owner's plan, entry or custom food). They pass validation and
 *   reach the services, which must answer 4xx; the hash must not move.
 * - phase 3, mutated valid inputs: a valid input with one field replaced by a nasty value,
 *   removed, or joined by an extra field. Some of these are legitimately valid (a new name,
 *   a different amount) and succeed, so this phase checks the per-call properties and the
 *   database's integrity afterwards, not the hash. Successes are counted and reported.
 *
 * Phases 2 and 3 need a valid input per procedure (`TEMPLATES`); a procedure added later
 * without one still gets phase 1 and a generic object-of-known-field-names fuzz.
 */
import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import BetterSqlite3 from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawAll, rawArrays, rawGet } from "@/db/raw";
import { appRouter } from "@/server/trpc/root";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { suiteOnPostgres } from "../pg-scratch";

const SEED = 20_261_124;
const RUNS = { garbage: 160, unknownIds: 40, mutated: 120 };

type Procedure = {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
};
const PROCEDURES = Object.entries(
  appRouter._def.procedures as unknown as Record<string, Procedure>,
).filter(([, procedure]) => procedure._def.type !== "subscription");

type Fixture = {
  planId: string;
  entryId: string;
  portionEntryId: string;
  customFoodId: string;
  unusedCustomFoodId: string;
  supplementId: string;
  extraId: string;
  otherPlanId: string;
  otherEntryId: string;
  otherCustomFoodId: string;
  recipeId: string;
  dishId: string;
  otherRecipeId: string;
  personId: string;
};

/** A valid input per procedure, for phases 2 and 3. Ids are fields named `id` or `…Id`. */
const TEMPLATES: Record<string, (f: Fixture) => unknown> = {
  "foods.search": () => ({ query: "soy milk", diet: "vegan", limit: 5, cursor: 0 }),
  "foods.get": (f) => ({ id: f.customFoodId }),
  "foods.labelPreview": () => ({
    servingGrams: 240,
    b12: { percentDailyValue: 25, labelEdition: "current" },
  }),
  "foods.createCustom": () => buildCustomFoodInput({ portions: [{ label: "1 cup", grams: 240 }] }),
  "foods.updateCustom": (f) => ({
    id: f.customFoodId,
    ...buildCustomFoodInput({ name: "Edited" }),
  }),
  "foods.deleteCustom": (f) => ({ id: f.unusedCustomFoodId }),
  "foods.setDietOverride": (f) => ({ foodId: f.customFoodId, diet: "vegetarian", note: "n" }),
  "foods.recent": () => ({ limit: 5 }),
  "foods.setFavorite": (f) => ({ foodId: f.customFoodId, favorite: true }),
  "foods.amountPreview": (f) => ({ foodId: f.customFoodId, unit: "oz", quantity: 2 }),
  "profile.update": () => ({ ageYears: 70, sex: "male", diet: "vegetarian", standard: "efsa" }),
  "plans.get": (f) => ({ planId: f.planId }),
  "plans.create": () => ({ name: "Fuzzed", dayCount: 3, startDate: "2026-12-07" }),
  "plans.rename": (f) => ({ planId: f.planId, name: "Renamed" }),
  "plans.update": (f) => ({ planId: f.planId, name: "Updated", startDate: null }),
  "plans.duplicate": (f) => ({ planId: f.planId }),
  "plans.delete": (f) => ({ planId: f.planId }),
  "plans.export": (f) => ({ planId: f.planId }),
  "plans.import": (f) => ({
    file: {
      format: "b12-planner-plan",
      version: 1,
      plan: { name: "Imported", dayCount: 2, startDate: null },
      entries: [
        { day: 1, meal: "lunch", foodId: "sr28-16139", grams: 243, portionId: "sr28-16139:1" },
        { day: 2, meal: "snack", foodId: f.customFoodId, grams: 30, quantity: null },
      ],
    },
  }),
  "plans.addEntry": (f) => ({
    planId: f.planId,
    day: 2,
    meal: "dinner",
    foodId: "sr28-16139",
    portionId: "sr28-16139:1",
    quantity: 1.5,
  }),
  "plans.updateEntry": (f) => ({ entryId: f.entryId, grams: 120 }),
  "plans.moveEntry": (f) => ({ entryId: f.portionEntryId, day: 3, meal: "snack" }),
  "plans.removeEntry": (f) => ({ entryId: f.entryId }),
  "plans.copyDay": (f) => ({ planId: f.planId, fromDay: 1, toDays: [2, 3], replace: true }),
  "plans.copyMeal": (f) => ({
    planId: f.planId,
    fromDay: 1,
    meal: "breakfast",
    toDays: [2, 3],
    toMeal: "snack",
  }),
  "plans.totals": (f) => ({ planId: f.planId }),
  "plans.addToDays": (f) => ({
    planId: f.planId,
    foodId: "sr28-16139",
    meals: ["lunch", "snack"],
    days: [1, 2],
    grams: 100,
  }),
  "plans.addSupplement": (f) => ({
    planId: f.planId,
    personId: f.personId,
    doseMicrograms: 250,
    form: "tablet",
    everyNDays: 2,
    withMeal: "breakfast",
  }),
  "plans.updateSupplement": (f) => ({
    supplementId: f.supplementId,
    personId: f.personId,
    doseMicrograms: 500,
  }),
  "plans.removeSupplement": (f) => ({ supplementId: f.supplementId }),
  "plans.suggestions": (f) => ({ planId: f.planId }),
  "recipes.get": (f) => ({ recipeId: f.recipeId }),
  "recipes.create": (f) => ({
    name: "Fuzz stew",
    servings: 4,
    ingredients: [
      { foodId: "sr28-16139", portionId: "sr28-16139:1", quantity: 2, text: "2 cups soy milk" },
      { foodId: f.customFoodId, grams: 30 },
      { text: "a pinch of salt" },
    ],
    steps: "Stir.",
    notes: "n",
  }),
  "recipes.update": (f) => ({
    recipeId: f.recipeId,
    name: "Fuzz stew 2",
    servings: 3,
    ingredients: [{ foodId: "sr28-16139", grams: 100 }],
    steps: null,
  }),
  "recipes.delete": (f) => ({ recipeId: f.recipeId, removeFromPlans: true }),
  "recipes.duplicate": (f) => ({ recipeId: f.recipeId, servings: 8 }),
  "recipes.parseIngredients": () => ({ text: "2 cups soy milk\n½ onion, chopped" }),
  "recipes.importJsonLd": () => ({
    json: JSON.stringify({
      "@context": "https://schema.org",
      "@type": "Recipe",
      name: "Oats",
      recipeYield: "2 servings",
      recipeIngredient: ["1 cup rolled oats", "2 cups soy milk"],
    }),
  }),
  "plans.addRecipe": (f) => ({
    planId: f.planId,
    day: 2,
    meal: "lunch",
    recipeId: f.recipeId,
    servings: 1.5,
  }),
  "plans.updateDish": (f) => ({ planId: f.planId, dishId: f.dishId, servings: 2 }),
  "plans.moveDish": (f) => ({ planId: f.planId, dishId: f.dishId, day: 3, meal: "snack" }),
  "plans.removeDish": (f) => ({ planId: f.planId, dishId: f.dishId }),
  "shopping.list": (f) => ({ planId: f.planId, fromDay: 1, toDay: 2, guests: 1 }),
  "shopping.setPreferences": (f) => ({ planId: f.planId, guests: 2, fromDay: null }),
  "shopping.setChecked": (f) => ({ planId: f.planId, itemKey: "sr28-16139", checked: true }),
  "shopping.setInPantry": (f) => ({ planId: f.planId, itemKey: "sr28-16139", inPantry: true }),
  "shopping.clearChecked": (f) => ({ planId: f.planId }),
  "shopping.addExtra": (f) => ({ planId: f.planId, text: "oats" }),
  "shopping.removeExtra": (f) => ({ planId: f.planId, extraId: f.extraId }),
  "shopping.setAisle": (f) => ({ planId: f.planId, foodId: "sr28-16139", aisle: "produce" }),
};

/** Field names the procedures use, so generic objects get past strict-object checks. */
const FIELD_NAMES = [
  "id",
  "planId",
  "entryId",
  "foodId",
  "aisle",
  "portionId",
  "query",
  "name",
  "day",
  "fromDay",
  "toDays",
  "meal",
  "grams",
  "quantity",
  "dayCount",
  "startDate",
  "diet",
  "servingGrams",
  "b12",
  "file",
  "limit",
  "cursor",
  "ageYears",
  "sex",
  "standard",
  "conditions",
  "supplementId",
  "extraId",
  "itemKey",
  "doseMicrograms",
  "form",
  "everyNDays",
  "weekdays",
  "withMeal",
  "meals",
  "days",
  "servings",
  "unitSystem",
  "text",
  "checked",
  "recipeId",
  "dishId",
  "ingredients",
  "steps",
  "notes",
  "removeFromPlans",
  "json",
  "personId",
  "guests",
  "__proto__",
  "constructor",
  "toString",
];

const HUGE = "x".repeat(100_000);

function deeplyNested(depth: number, asArray: boolean): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value, planId: value };
  return value;
}

/** Single values chosen to break things: edges of every type. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    "",
    " ",
    "\u0000",
    "\u202e\ud800",
    HUGE,
    ` ${HUGE} `,
    "'; DROP TABLE plans; --",
    '"*" OR NEAR(',
    "sr28-99999",
    "../../etc/passwd",
    0,
    -0,
    -1,
    -1e308,
    1e308,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    2 ** 31,
    -(2 ** 63),
    10n ** 30n,
    true,
    false,
    [],
    {},
    [null],
    new Map([["planId", "x"]]),
    new Set([1]),
    new Date(Number.NaN),
    new Uint8Array(3),
    Object.create(null),
    JSON.parse('{"__proto__": {"polluted": true}}'),
    deeplyNested(2000, false),
    deeplyNested(2000, true),
    Array.from({ length: 10_000 }, (_, i) => i + 1),
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.uuid(),
);

/** Anything at all, including objects keyed by the procedures' own field names. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  nastyValue,
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withBoxedValues: true,
  }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyValue, { maxKeys: 5 }),
  fc.array(fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyValue, { maxKeys: 3 }), {
    maxLength: 3,
  }),
);

type Path = (string | number)[];

/** Every path inside a JSON-like value, the root included. */
function paths(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) found.push(...paths(item, [...prefix, i]));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  }
  return found;
}

function setAt(value: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** A valid input with one place changed: replaced, removed, or given an extra field. */
function mutated(template: unknown): fc.Arbitrary<unknown> {
  const places = paths(template);
  return fc
    .tuple(
      fc.constantFrom(...places),
      fc.constantFrom("replace", "remove", "extra"),
      nastyValue,
      fc.constantFrom(...FIELD_NAMES, "unexpected"),
    )
    .map(([path, how, replacement, extraKey]) => {
      if (how === "extra") {
        const target = path.length === 0 ? template : pathValue(template, path);
        if (target && typeof target === "object" && !Array.isArray(target)) {
          return setAt(template, [...path, extraKey], replacement, false);
        }
      }
      return setAt(template, path, replacement, how === "remove" && path.length > 0);
    });
}

function pathValue(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown>)?.[key],
    value,
  );
}

/** The template with every id field replaced by an id this owner cannot see. */
function withUnknownIds(template: unknown, fixture: Fixture): fc.Arbitrary<unknown> {
  const idPaths = paths(template).filter((path) => {
    const key = path[path.length - 1];
    return typeof key === "string" && /^id$|Id$/.test(key);
  });
  const foreign = fc.oneof(
    fc.uuid(),
    fc.uuid().map((uuid) => `custom-${uuid}`),
    fc.constantFrom(
      fixture.otherPlanId,
      fixture.otherEntryId,
      fixture.otherCustomFoodId,
      fixture.otherRecipeId,
      "sr28-00000",
      "sr28-16139:999",
    ),
  );
  return fc
    .array(foreign, { minLength: idPaths.length, maxLength: idPaths.length })
    .map((ids) =>
      idPaths.reduce<unknown>((input, path, i) => setAt(input, path, ids[i], false), template),
    );
}

/** A standard-schema check: does the procedure's own input parser accept this? */
function inputIsValid(procedure: Procedure, input: unknown): boolean {
  return procedure._def.inputs.every((parser) => {
    const standard = (parser as { "~standard"?: { validate: (v: unknown) => unknown } })[
      "~standard"
    ];
    if (!standard) throw new Error("input parser is not a standard schema");
    const result = standard.validate(input) as { issues?: unknown[] } | Promise<unknown>;
    if (result instanceof Promise) throw new Error("async input parsers are not supported here");
    return !result.issues;
  });
}

/** PostgreSQL answers each of the thousands of calls over a socket, with a version read around it. */
const PHASE_TIMEOUT_MS = suiteOnPostgres ? 300_000 : 60_000;

let test: TestDatabase;
let observer: BetterSqlite3.Database | undefined;
let fixture: Fixture;

const TABLES_SQL = {
  sqlite: `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  pg: `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
};

/** Hash of every row of every table, in a stable order. */
async function databaseHash(): Promise<string> {
  const hash = createHash("sha256");
  const tables = (await rawAll<{ name: string }>(test.db, TABLES_SQL)).map((row) => row.name);
  for (const table of tables) {
    const rows = (await rawArrays(test.db, `SELECT * FROM "${table}"`))
      .map((row) =>
        JSON.stringify(row, (_, v) =>
          Buffer.isBuffer(v) ? v.toString("hex") : typeof v === "bigint" ? String(v) : v,
        ),
      )
      .sort();
    hash.update(`${table}\n${rows.join("\n")}\n`);
  }
  return hash.digest("hex");
}

/**
 * Changes with every committed write: SQLite's PRAGMA data_version, seen from another
 * connection; on PostgreSQL the households' versions, which every write() bumps
 * (db/dialect.ts), with the owners counted (a new owner is a write too).
 */
async function dataVersion(): Promise<string> {
  if (!suiteOnPostgres) return String(observer?.pragma("data_version", { simple: true }));
  const row = await rawGet<{ v: number; n: number }>(
    test.db,
    `SELECT coalesce(sum(data_version), 0) AS v, count(*) AS n FROM owners`,
  );
  return `${row?.v}:${row?.n}`;
}

type Outcome = "ok" | "rejected";

function check(condition: boolean, message: () => string): void {
  // Messages are built only on failure: printing a 2,000-deep input costs more than the call.
  if (!condition) expect.fail(message());
}

/** Calls a procedure by its dotted path and checks the per-call properties. */
async function callAndCheck(path: string, input: unknown): Promise<Outcome> {
  const procedure = PROCEDURES.find(([name]) => name === path)?.[1];
  const caller = test.caller() as unknown as Record<
    string,
    Record<string, (i: unknown) => unknown>
  >;
  const [area = "", name = ""] = path.split(".");
  const before = await dataVersion();
  let outcome: Outcome = "ok";
  try {
    await caller[area]?.[name]?.(input);
  } catch (error) {
    outcome = "rejected";
    const detail = () => `${path}(${describe_(input)}) threw ${String(error)}`;
    check(error instanceof TRPCError, detail);
    const trpcError = error as TRPCError;
    const status = getHTTPStatusCodeFromError(trpcError);
    check(
      status >= 400 && status < 500,
      () => `${detail()}: ${trpcError.code} ${status} (cause ${String(trpcError.cause)})`,
    );
    check(trpcError.message.trim().length > 0, () => `${detail()}: empty message`);
    check(
      !/SQLITE|sqlite3|TypeError|violates .* constraint|duplicate key|\bat .*:\d+:\d+/.test(
        trpcError.message,
      ),
      () => `${detail()}: message shows internals`,
    );
  }
  if (outcome === "rejected" || procedure?._def.type === "query") {
    check(
      (await dataVersion()) === before,
      () => `${path}(${describe_(input)}) ${outcome} but committed a write`,
    );
  }
  return outcome;
}

/** A short, printable description of an input for failure messages. */
function describe_(input: unknown): string {
  try {
    const text = fc.stringify(input);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(input);
  }
}

/** An owner's plan with entries and custom foods, and another owner's, to aim at. */
async function makeFixture(): Promise<Fixture> {
  const api = test.caller();
  const other = test.caller("someone-else");
  const customFood = await api.foods.createCustom(
    buildCustomFoodInput({ portions: [{ label: "1 glass", grams: 200 }] }),
  );
  const unused = await api.foods.createCustom(buildCustomFoodInput({ name: "Unused" }));
  const { id: planId } = await api.plans.create({ name: "Fuzz target", dayCount: 3 });
  const { id: entryId } = await api.plans.addEntry({
    planId,
    day: 1,
    meal: "breakfast",
    foodId: "sr28-16139",
    grams: 243,
  });
  const { id: portionEntryId } = await api.plans.addEntry({
    planId,
    day: 1,
    meal: "lunch",
    foodId: customFood.id,
    portionId: `${customFood.id}:2`,
    quantity: 2,
  });
  const { id: supplementId } = await api.plans.addSupplement({
    planId,
    doseMicrograms: 50,
    form: "chewable",
    everyNDays: 1,
  });
  const { extraId } = await api.shopping.addExtra({ planId, text: "bread" });
  const otherFood = await other.foods.createCustom(buildCustomFoodInput({ name: "Theirs" }));
  const { id: otherPlanId } = await other.plans.create({ name: "Not yours", dayCount: 2 });
  const { id: otherEntryId } = await other.plans.addEntry({
    planId: otherPlanId,
    day: 1,
    meal: "dinner",
    foodId: otherFood.id,
    grams: 50,
  });
  const recipe = await api.recipes.create({
    name: "Fuzz soup",
    servings: 2,
    ingredients: [{ foodId: customFood.id, portionId: `${customFood.id}:2`, quantity: 1 }],
  });
  const { id: dishId } = await api.plans.addRecipe({
    planId,
    day: 1,
    meal: "dinner",
    recipeId: recipe.id,
    servings: 1,
  });
  const otherRecipe = await other.recipes.create({ name: "Theirs", servings: 1, ingredients: [] });
  return {
    recipeId: recipe.id,
    dishId,
    otherRecipeId: otherRecipe.id,
    planId,
    entryId,
    portionEntryId,
    customFoodId: customFood.id,
    unusedCustomFoodId: unused.id,
    supplementId,
    extraId,
    otherPlanId,
    otherEntryId,
    otherCustomFoodId: otherFood.id,
    personId: (await api.people.list())[0]?.id ?? "",
  };
}

beforeAll(async () => {
  test = createTestDatabase();
  if (!suiteOnPostgres) observer = new BetterSqlite3(test.filePath, { readonly: true });
  fixture = await makeFixture();
}, 60_000);

afterAll(async () => {
  observer?.close();
  await test?.close();
});

describe("API fuzz: every procedure, malformed input", () => {
  it("finds the procedures generically", () => {
    expect(PROCEDURES.length).toBeGreaterThanOrEqual(25);
    const names = PROCEDURES.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining(["foods.search", "plans.addEntry", "plans.totals"]),
    );
  });

  it(
    "phase 1, garbage: every call is rejected with a 4xx and the database is unchanged",
    async () => {
      const before = await databaseHash();
      let calls = 0;
      for (const [path, procedure] of PROCEDURES) {
        // A procedure without input takes anything (tRPC ignores it): queries still must not write.
        const takesInput = procedure._def.inputs.length > 0;
        await fc.assert(
          fc.asyncProperty(
            takesInput ? garbage.filter((input) => !inputIsValid(procedure, input)) : garbage,
            async (input) => {
              calls += 1;
              const outcome = await callAndCheck(path, input);
              if (takesInput)
                expect(outcome, `${path} accepted ${describe_(input)}`).toBe("rejected");
            },
          ),
          { seed: SEED, numRuns: takesInput ? RUNS.garbage : 20, endOnFailure: true },
        );
      }
      expect(calls).toBeGreaterThan(3000);
      console.info(`API fuzz phase 1: ${calls} calls over ${PROCEDURES.length} procedures`);
      expect(await databaseHash()).toBe(before);
    },
    PHASE_TIMEOUT_MS,
  );

  it(
    "phase 2, ids this owner cannot see: always 4xx, database unchanged",
    async () => {
      const before = await databaseHash();
      let calls = 0;
      for (const [path] of PROCEDURES) {
        const template = TEMPLATES[path]?.(fixture);
        if (
          template === undefined ||
          !paths(template).some((p) => /^id$|Id$/.test(String(p.at(-1))))
        )
          continue;
        await fc.assert(
          fc.asyncProperty(withUnknownIds(template, fixture), async (input) => {
            calls += 1;
            const outcome = await callAndCheck(path, input);
            check(outcome === "rejected", () => `${path} accepted ${describe_(input)}`);
          }),
          { seed: SEED, numRuns: RUNS.unknownIds, endOnFailure: true },
        );
      }
      expect(calls).toBeGreaterThan(500);
      console.info(`API fuzz phase 2: ${calls} calls`);
      expect(await databaseHash()).toBe(before);
    },
    PHASE_TIMEOUT_MS,
  );

  it(
    "phase 3, valid inputs with one field mutated: 4xx or success, failures write nothing",
    async () => {
      const successes: Record<string, number> = {};
      let calls = 0;
      for (const [path] of PROCEDURES) {
        const build = TEMPLATES[path];
        if (build === undefined) continue;
        // A fresh plan and foods per procedure: a successful delete must not starve the next.
        const template = build(await makeFixture());
        await fc.assert(
          fc.asyncProperty(mutated(template), async (input) => {
            calls += 1;
            if ((await callAndCheck(path, input)) === "ok") {
              successes[path] = (successes[path] ?? 0) + 1;
            }
          }),
          { seed: SEED, numRuns: RUNS.mutated, endOnFailure: true },
        );
      }
      expect(calls).toBeGreaterThan(2000);
      console.info(
        `API fuzz phase 3: ${calls} calls, valid-by-chance successes ${JSON.stringify(successes)}`,
      );
      // Every template is valid (checked last: the mutations may have used up a fixture).
      for (const [path, build] of Object.entries(TEMPLATES)) {
        expect(await callAndCheck(path, build(await makeFixture())), `${path} template`).toBe("ok");
      }
      if (!suiteOnPostgres) {
        const integrity = test.db.$client.pragma("integrity_check", { simple: true });
        expect(integrity).toBe("ok");
        expect(test.db.$client.pragma("foreign_key_check")).toEqual([]);
      }
      // Some mutations are still valid input (e.g. another name): the properties held for them.
      expect(Object.keys(successes).length).toBeGreaterThan(5);
    },
    PHASE_TIMEOUT_MS,
  );
});
