/**
 * shopping.* through the tRPC caller on a real, imported temporary database, and the
 * CSV / Markdown download routes called directly with a Request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planSupplements } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { createPlanWith } from "../factories/plans";
import { expectTrpcError, malformed } from "../helpers";

let testDb: TestDatabase;
let api: ReturnType<TestDatabase["caller"]>;

const SOYMILK = "sr28-16139"; // 1 cup = 243 g (portion sr28-16139:1)
const EGG = "sr28-01123"; // 1 large = 50 g (portion sr28-01123:1)
const OATS = "sr28-08120";

beforeAll(() => {
  testDb = createTestDatabase();
  api = testDb.caller();
  // The download routes open the process-wide database: point it at this one.
  process.env.DATABASE_PATH = testDb.filePath;
});
afterAll(() => testDb.close());

/** A 7-day plan with 1 cup of soymilk every breakfast and 100 g of oats on day 1. */
async function soyWeek(name = "Soy week"): Promise<string> {
  const planId = await createPlanWith(api, { name, dayCount: 7 });
  await api.plans.addEntry({
    planId,
    day: 1,
    meal: "breakfast",
    foodId: SOYMILK,
    portionId: `${SOYMILK}:1`,
    quantity: 1,
  });
  await api.plans.copyDay({ planId, fromDay: 1, toDays: [2, 3, 4, 5, 6, 7] });
  await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: OATS, grams: 100 });
  return planId;
}

type ListView = Awaited<ReturnType<typeof api.shopping.list>>;
const allLines = (list: ListView) => list.aisles.flatMap((group) => group.lines);

describe("shopping.list", () => {
  it("a 7-day plan with 1 cup of soymilk a day, for 2 people, lists 14 cups = 3,402 g", async () => {
    const planId = await soyWeek();
    const list = await api.shopping.list({ planId, servings: 2 });
    const soy = allLines(list).find((line) => line.foodId === SOYMILK);
    expect(soy?.grams).toBe(3402);
    // Bought by volume: 3402 g ÷ 30.6 g per fl oz × 29.5735 ml = 3,288 ml → 3.5 L.
    expect(soy?.displayQuantity).toBe("3.5 L");
    expect(soy?.text).toBe("3.5 L fortified soy milk");
    expect(soy?.name).toBe("Soymilk, original and vanilla, with added calcium, vitamins A and D");
    expect(soy?.aisle).toBe("drinks");
    expect(soy?.usedOn).toHaveLength(7);
    expect(soy?.checked).toBe(false);
    expect(soy?.inPantry).toBe(false);
    expect(list.preferences).toMatchObject({
      fromDay: 1,
      toDay: 7,
      servings: 2,
      unitSystem: "metric",
      portions: 2,
      household: "for 2 people",
    });
    const oats = allLines(list).find((line) => line.foodId === OATS);
    expect(oats?.grams).toBe(200);
    expect(oats?.aisle).toBe("pantry-and-grains");
  });

  it("lists a range of days and uses saved preferences when arguments are missing", async () => {
    const planId = await soyWeek();
    await api.shopping.setPreferences({
      planId,
      servings: 3,
      unitSystem: "imperial",
      fromDay: 2,
      toDay: 4,
    });
    const list = await api.shopping.list({ planId });
    expect(list.preferences).toMatchObject({
      fromDay: 2,
      toDay: 4,
      servings: 3,
      unitSystem: "imperial",
    });
    const soy = allLines(list).find((line) => line.foodId === SOYMILK);
    expect(soy?.grams).toBe(243 * 3 * 3);
    expect(allLines(list).some((line) => line.foodId === OATS)).toBe(false);
    // Arguments override the saved preferences for one call only.
    const one = await api.shopping.list({ planId, servings: 1, fromDay: 1, toDay: 1 });
    expect(
      allLines(one)
        .map((line) => line.foodId)
        .sort(),
    ).toEqual([OATS, SOYMILK].sort());
    expect((await api.shopping.list({ planId })).preferences.servings).toBe(3);
    // null days: the whole plan again.
    const reset = await api.shopping.setPreferences({ planId, fromDay: null, toDay: null });
    expect(reset.preferences).toMatchObject({
      fromDay: 1,
      toDay: 7,
      servings: 3,
      unitSystem: "imperial",
    });
  });

  it("shows household portions: 1.5 large eggs a day for a week is 11 large eggs", async () => {
    const planId = await createPlanWith(api, { dayCount: 7 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: EGG,
      portionId: `${EGG}:1`,
      quantity: 1.5,
    });
    await api.plans.copyDay({ planId, fromDay: 1, toDays: [2, 3, 4, 5, 6, 7] });
    const egg = allLines(await api.shopping.list({ planId })).find((line) => line.foodId === EGG);
    expect(egg?.grams).toBe(525);
    expect(egg?.displayQuantity).toBe("11 large (525 g)");
  });

  it("counts supplement doses once, for the profile person, with injections by prescription", async () => {
    const planId = await soyWeek();
    await testDb.db.insert(planSupplements).values([
      {
        id: "tablet-1",
        planId,
        doseMicrograms: 1000,
        form: "tablet",
        everyNDays: 1,
        firstDay: 1,
      },
      {
        id: "shot-1",
        planId,
        doseMicrograms: 1000,
        form: "injection",
        compound: "hydroxocobalamin",
        everyNDays: 7,
        firstDay: 3,
      },
    ]);
    const list = await api.shopping.list({ planId, servings: 4 });
    const supplements = list.aisles.find((group) => group.aisle === "supplements")?.lines ?? [];
    expect(supplements.map((line) => line.displayQuantity).sort()).toEqual([
      "1 × 1,000 µg injection (hydroxocobalamin)",
      "7 × 1,000 µg tablets (cyanocobalamin)",
    ]);
    expect(supplements.find((line) => line.prescription)?.note).toMatch(/By prescription/);
    await api.shopping.setChecked({ planId, itemKey: "supplement:tablet-1", checked: true });
    const after = await api.shopping.list({ planId });
    expect(allLines(after).find((line) => line.itemKey === "supplement:tablet-1")).toMatchObject({
      checked: true,
    });
  });

  it("lists a supplement added through plans.addSupplement, on its weekdays", async () => {
    const planId = await createPlanWith(api, { dayCount: 14, startDate: "2026-11-23" });
    const { id } = await api.plans.addSupplement({
      planId,
      doseMicrograms: 2000,
      form: "chewable",
      weekdays: [1],
    });
    const list = await api.shopping.list({ planId, servings: 3 });
    const line = allLines(list).find((item) => item.itemKey === `supplement:${id}`);
    expect(line?.aisle).toBe("supplements");
    expect(line?.displayQuantity).toBe("2 × 2,000 µg chewable tablets (cyanocobalamin)");
    const secondWeek = await api.shopping.list({ planId, fromDay: 8, toDay: 14 });
    expect(
      allLines(secondWeek).find((item) => item.itemKey === `supplement:${id}`)?.displayQuantity,
    ).toBe("1 × 2,000 µg chewable tablet (cyanocobalamin)");
    await api.plans.removeSupplement({ supplementId: id });
    expect(
      allLines(await api.shopping.list({ planId })).some((item) => item.aisle === "supplements"),
    ).toBe(false);
  });

  it("is empty, not an error, for a plan with no foods", async () => {
    const planId = await createPlanWith(api, { dayCount: 3 });
    const list = await api.shopping.list({ planId });
    expect(list.aisles).toEqual([]);
    expect(list.counts).toEqual({ lines: 0, checked: 0, inPantry: 0 });
  });

  it("lists custom foods (no food group) under Other, with their names intact", async () => {
    const custom = await api.foods.createCustom(
      buildCustomFoodInput({ name: '=HYPERLINK("http://x","y") crème µ' }),
    );
    const planId = await createPlanWith(api, { dayCount: 2 });
    await api.plans.addEntry({ planId, day: 2, meal: "snack", foodId: custom.id, grams: 240 });
    const line = allLines(await api.shopping.list({ planId }))[0];
    expect(line).toMatchObject({
      name: '=HYPERLINK("http://x","y") crème µ',
      aisle: "other",
      grams: 240,
    });
  });
});

describe("shopping errors", () => {
  it("unknown plan: NOT_FOUND on every procedure", async () => {
    const planId = "no-such-plan";
    await expectTrpcError(api.shopping.list({ planId }), "NOT_FOUND", /No plan/);
    await expectTrpcError(api.shopping.setPreferences({ planId, servings: 2 }), "NOT_FOUND");
    await expectTrpcError(
      api.shopping.setChecked({ planId, itemKey: SOYMILK, checked: true }),
      "NOT_FOUND",
    );
    await expectTrpcError(
      api.shopping.setInPantry({ planId, itemKey: SOYMILK, inPantry: true }),
      "NOT_FOUND",
    );
    await expectTrpcError(api.shopping.clearChecked({ planId }), "NOT_FOUND");
    await expectTrpcError(api.shopping.addExtra({ planId, text: "x" }), "NOT_FOUND");
    await expectTrpcError(api.shopping.removeExtra({ planId, extraId: "x" }), "NOT_FOUND");
  });

  it("another owner's plan is NOT_FOUND, and its marks stay untouched", async () => {
    const planId = await soyWeek();
    await api.shopping.setChecked({ planId, itemKey: SOYMILK, checked: true });
    const stranger = testDb.caller("shopping-stranger");
    await expectTrpcError(stranger.shopping.list({ planId }), "NOT_FOUND");
    await expectTrpcError(
      stranger.shopping.setChecked({ planId, itemKey: SOYMILK, checked: false }),
      "NOT_FOUND",
    );
    await expectTrpcError(stranger.shopping.addExtra({ planId, text: "sneaky" }), "NOT_FOUND");
    await expectTrpcError(stranger.shopping.clearChecked({ planId }), "NOT_FOUND");
    const list = await api.shopping.list({ planId });
    expect(allLines(list).find((line) => line.foodId === SOYMILK)).toMatchObject({ checked: true });
    expect(list.extras).toEqual([]);
  });

  it.each([
    [{ servings: 0 }, /servings must be between 1 and 20/],
    [{ servings: 1000 }, /servings must be between 1 and 20/],
    [{ servings: 2.5 }, /servings must be a whole number/],
    [{ fromDay: 5, toDay: 2 }, /fromDay \(5\) must not be after toDay \(2\)/],
    [{ fromDay: 0 }, /fromDay must be between 1 and 28/],
    [{ toDay: 8 }, /toDay must be between 1 and 7/],
    [{ unitSystem: "cubits" }, /unitSystem must be one of: metric, imperial/],
  ])("rejects %j with BAD_REQUEST naming the field", async (override, message) => {
    const planId = await createPlanWith(api, { dayCount: 7 });
    await expectTrpcError(
      api.shopping.list(malformed({ planId, ...override })),
      "BAD_REQUEST",
      message,
    );
  });

  it("rejects a saved range past the plan or the wrong way round", async () => {
    const planId = await createPlanWith(api, { dayCount: 7 });
    await expectTrpcError(
      api.shopping.setPreferences({ planId, toDay: 9 }),
      "BAD_REQUEST",
      /toDay must be between 1 and 7/,
    );
    await api.shopping.setPreferences({ planId, toDay: 3 });
    await expectTrpcError(
      api.shopping.setPreferences({ planId, fromDay: 5 }),
      "BAD_REQUEST",
      /fromDay \(5\) must not be after toDay \(3\)/,
    );
    await expectTrpcError(api.shopping.list({ planId, fromDay: 5 }), "BAD_REQUEST", /fromDay/);
  });

  it("an item that is not on the plan's list is NOT_FOUND", async () => {
    const planId = await soyWeek();
    await expectTrpcError(
      api.shopping.setChecked({ planId, itemKey: EGG, checked: true }),
      "NOT_FOUND",
      /itemKey|No shopping list item/,
    );
    await expectTrpcError(
      api.shopping.setChecked({ planId, itemKey: "extra:nope", checked: true }),
      "NOT_FOUND",
    );
    await expectTrpcError(
      api.shopping.setInPantry({ planId, itemKey: "supplement:nope", inPantry: true }),
      "NOT_FOUND",
    );
    await expectTrpcError(
      api.shopping.setChecked(malformed({ planId, itemKey: "", checked: true })),
      "BAD_REQUEST",
      /itemKey must not be empty/,
    );
  });
});

describe("ticks, pantry and extras", () => {
  it("ticks persist, clear, and survive a new list call", async () => {
    const planId = await soyWeek();
    expect(await api.shopping.setChecked({ planId, itemKey: SOYMILK, checked: true })).toEqual({
      itemKey: SOYMILK,
      checked: true,
      inPantry: false,
    });
    await api.shopping.setChecked({ planId, itemKey: OATS, checked: true });
    let list = await api.shopping.list({ planId, servings: 5 });
    expect(list.counts.checked).toBe(2);
    await api.shopping.setChecked({ planId, itemKey: OATS, checked: false });
    list = await api.shopping.list({ planId });
    expect(allLines(list).find((line) => line.foodId === OATS)).toMatchObject({ checked: false });
    const cleared = await api.shopping.clearChecked({ planId });
    expect(cleared.counts.checked).toBe(0);
  });

  it("'already have' moves a line aside and brings it back; clearing ticks keeps it", async () => {
    const planId = await soyWeek();
    await api.shopping.setInPantry({ planId, itemKey: OATS, inPantry: true });
    await api.shopping.setChecked({ planId, itemKey: OATS, checked: true });
    let list = await api.shopping.clearChecked({ planId });
    expect(allLines(list).find((line) => line.foodId === OATS)).toMatchObject({
      inPantry: true,
      checked: false,
    });
    expect(list.counts.inPantry).toBe(1);
    await api.shopping.setInPantry({ planId, itemKey: OATS, inPantry: false });
    list = await api.shopping.list({ planId });
    expect(list.counts.inPantry).toBe(0);
  });

  it("adds, ticks and removes free-text extras", async () => {
    const planId = await soyWeek();
    const added = await api.shopping.addExtra({ planId, text: "  kitchen roll  " });
    await api.shopping.addExtra({ planId, text: "Crème fraîche, ü, µ" });
    expect(added.extras.map((extra) => extra.text)).toEqual(["kitchen roll"]);
    await api.shopping.setChecked({ planId, itemKey: `extra:${added.extraId}`, checked: true });
    let list = await api.shopping.list({ planId });
    expect(list.extras.map((extra) => [extra.text, extra.checked])).toEqual([
      ["kitchen roll", true],
      ["Crème fraîche, ü, µ", false],
    ]);
    list = await api.shopping.removeExtra({ planId, extraId: added.extraId });
    expect(list.extras.map((extra) => extra.text)).toEqual(["Crème fraîche, ü, µ"]);
    await expectTrpcError(
      api.shopping.removeExtra({ planId, extraId: added.extraId }),
      "NOT_FOUND",
      /No extra item/,
    );
    await expectTrpcError(
      api.shopping.addExtra({ planId, text: "   " }),
      "BAD_REQUEST",
      /text must not be empty/,
    );
    await expectTrpcError(
      api.shopping.addExtra({ planId, text: "x".repeat(201) }),
      "BAD_REQUEST",
      /text is too long/,
    );
  });

  it("another plan's extra cannot be removed through this plan", async () => {
    const first = await soyWeek();
    const second = await soyWeek();
    const { extraId } = await api.shopping.addExtra({ planId: first, text: "bags" });
    await expectTrpcError(api.shopping.removeExtra({ planId: second, extraId }), "NOT_FOUND");
    expect((await api.shopping.list({ planId: first })).extras).toHaveLength(1);
  });
});

describe("buying the raw form and moving aisles", () => {
  const LENTILS_COOKED = "sr28-16070"; // 116 kcal/100 g; 1 cup = 198 g (portion :1)
  const LENTILS_RAW = "sr28-16069"; // 352 kcal/100 g
  const TOAST = "sr28-18070"; // 290 kcal/100 g
  const BREAD = "sr28-18069"; // 266 kcal/100 g
  const TOFU = "sr28-16126";

  async function lentilWeek(): Promise<string> {
    const planId = await createPlanWith(api, { name: "Lentil week", dayCount: 7 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "dinner",
      foodId: LENTILS_COOKED,
      grams: 352,
    });
    await api.plans.addEntry({
      planId,
      day: 2,
      meal: "dinner",
      foodId: LENTILS_COOKED,
      grams: 352,
    });
    await api.plans.addEntry({ planId, day: 3, meal: "lunch", foodId: LENTILS_RAW, grams: 50 });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: TOAST, grams: 290 });
    await api.plans.addEntry({ planId, day: 2, meal: "breakfast", foodId: BREAD, grams: 100 });
    await api.plans.addEntry({ planId, day: 1, meal: "dinner", foodId: TOFU, grams: 200 });
    return planId;
  }

  it("lists cooked lentils as dry lentils and toast as bread, each on one line with the raw food", async () => {
    const planId = await lentilWeek();
    const lines = allLines(await api.shopping.list({ planId }));
    expect(lines.find((line) => line.foodId === LENTILS_COOKED)).toBeUndefined();
    const lentils = lines.find((line) => line.foodId === LENTILS_RAW);
    // 704 g cooked × 116/352 = 232 g dry, + 50 g dry = 282 g → 300 g (25 g steps).
    expect(lentils?.grams).toBeCloseTo(282, 9);
    expect(lentils?.text).toBe("300 g dry lentils");
    expect(lentils?.preparedFrom.map((food) => food.foodId)).toEqual([LENTILS_COOKED]);
    expect(lentils?.aisle).toBe("pantry-and-grains");
    expect(lines.find((line) => line.foodId === TOAST)).toBeUndefined();
    const bread = lines.find((line) => line.foodId === BREAD);
    // 290 g toast × 290/266 = 316.17 g bread, + 100 g = 416.17 g.
    expect(bread?.grams).toBeCloseTo(416.1654, 3);
    expect(bread?.aisle).toBe("bakery");
    const tofu = lines.find((line) => line.foodId === TOFU);
    expect(tofu?.aisle).toBe("chilled-and-plant-based");
    expect(tofu?.shoppingName).toBe("firm tofu");
  });

  it("ticks the raw line although the plan only holds the cooked food", async () => {
    const planId = await createPlanWith(api, { name: "Only cooked", dayCount: 1 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "dinner",
      foodId: LENTILS_COOKED,
      grams: 198,
    });
    await api.shopping.setChecked({ planId, itemKey: LENTILS_RAW, checked: true });
    const line = allLines(await api.shopping.list({ planId })).find(
      (item) => item.foodId === LENTILS_RAW,
    );
    expect(line?.checked).toBe(true);
  });

  it("remembers an aisle move for every plan of the owner, and undoes it with null", async () => {
    const first = await lentilWeek();
    const second = await lentilWeek();
    const moved = await api.shopping.setAisle({ planId: first, foodId: TOFU, aisle: "produce" });
    const inFirst = allLines(moved).find((line) => line.foodId === TOFU);
    expect(inFirst?.aisle).toBe("produce");
    expect(inFirst?.aisleChosen).toBe(true);
    const inSecond = allLines(await api.shopping.list({ planId: second })).find(
      (line) => line.foodId === TOFU,
    );
    expect(inSecond?.aisle).toBe("produce");
    const back = await api.shopping.setAisle({ planId: second, foodId: TOFU, aisle: null });
    expect(allLines(back).find((line) => line.foodId === TOFU)?.aisle).toBe(
      "chilled-and-plant-based",
    );
  });

  it("rejects unknown aisles, foods not on the list and other owners' plans, changing nothing", async () => {
    const planId = await lentilWeek();
    await expectTrpcError(
      api.shopping.setAisle({ planId, foodId: TOFU, aisle: malformed("cellar") }),
      "BAD_REQUEST",
      /aisle/,
    );
    await expectTrpcError(
      api.shopping.setAisle({ planId, foodId: TOFU, aisle: "supplements" }),
      "BAD_REQUEST",
      /aisle/,
    );
    await expectTrpcError(
      api.shopping.setAisle({ planId, foodId: EGG, aisle: "produce" }),
      "NOT_FOUND",
      /itemKey|No shopping list item/,
    );
    const other = testDb.caller("shopping-stranger");
    await expectTrpcError(
      other.shopping.setAisle({ planId, foodId: TOFU, aisle: "produce" }),
      "NOT_FOUND",
    );
    const tofu = allLines(await api.shopping.list({ planId })).find((line) => line.foodId === TOFU);
    expect(tofu?.aisle).toBe("chilled-and-plant-based");
  });
});

describe("download routes", () => {
  const params = (planId: string) => ({ params: Promise.resolve({ planId }) });
  let cookie = "";
  /** A GET with the session of the first account, whose household holds the `local` data. */
  const signedIn = (url: string) => new Request(url, { headers: { cookie, host: "localhost" } });

  beforeAll(async () => {
    const { getAuth } = await import("@/server/auth/auth");
    const response = await (await getAuth()).handler(
      new Request("http://localhost/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost" },
        body: JSON.stringify({ email: "admin@example.org", password: "long enough", name: "A" }),
      }),
    );
    cookie =
      response.headers
        .getSetCookie()
        .find((line) => line.includes("session_token"))
        ?.split(";")[0] ?? "";
    expect(cookie).toMatch(/session_token=/);
  }, 60_000);

  it("answers 401 without a session", async () => {
    const { GET } = await import("@/app/api/plans/[planId]/shopping-list.csv/route");
    const planId = await soyWeek();
    const response = await GET(
      new Request(`http://localhost/api/plans/${planId}/shopping-list.csv`),
      params(planId),
    );
    expect(response.status).toBe(401);
  });

  it("CSV: text/csv, a file name with the plan's name, the BOM and one row per line", async () => {
    const { GET } = await import("@/app/api/plans/[planId]/shopping-list.csv/route");
    const planId = await soyWeek("Semaine végé");
    await api.shopping.addExtra({ planId, text: "=1+1" });
    const response = await GET(
      signedIn(`http://localhost/api/plans/${planId}/shopping-list.csv?servings=2`),
      params(planId),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(
      /^attachment; filename="shopping-list-semaine-vege\.csv"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("''")[1] ?? "")).toBe(
      "Shopping list - Semaine végé.csv",
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      '"Aisle","Item","To buy","Exact grams","Used on","Status","Note","Full name"',
    );
    expect(
      lines.some(
        (line) =>
          line.startsWith('"Drinks","fortified soy milk","3.5 L",3402,') &&
          line.endsWith('"Soymilk, original and vanilla, with added calcium, vitamins A and D"'),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toBe('"Extras","\'=1+1","",,"","to buy","",""');
  });

  it("Markdown: text/markdown with the same lines", async () => {
    const { GET } = await import("@/app/api/plans/[planId]/shopping-list.md/route");
    const planId = await soyWeek();
    const response = await GET(
      signedIn(`http://localhost/api/plans/${planId}/shopping-list.md?from=2&to=3&units=imperial`),
      params(planId),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="shopping-list-soy-week\.md"/,
    );
    const text = await response.text();
    expect(text).toContain("# Shopping list: Soy week");
    // Nobody set a number of people: the list is for the plan's eater, the signed-in "Me".
    expect(text).toContain("Days 2\\-3 · for Me · imperial");
    // 2 cups = 486 g = 470 ml = 15.9 US fl oz → 16 fl oz.
    expect(text).toContain("- [ ] **16 fl oz fortified soy milk** \\(exactly 486 g\\)");
  });

  it("400 for bad input and 404 for an unknown plan, as JSON, never 500", async () => {
    const { GET } = await import("@/app/api/plans/[planId]/shopping-list.csv/route");
    const planId = await soyWeek();
    const call = (query: string, id = planId) =>
      GET(signedIn(`http://localhost/api/plans/${id}/shopping-list.csv${query}`), params(id));
    for (const query of [
      "?servings=0",
      "?servings=1000",
      "?servings=abc",
      "?from=5&to=2",
      "?to=99",
      "?units=cubits",
    ]) {
      const response = await call(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("BAD_REQUEST");
    }
    const missing = await call("", "no-such-plan");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe("planId");
  });
});
