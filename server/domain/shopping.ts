/**
 * The shopping list: a plan (or a range of its days) turned into one line per food, for
 * a household of 1-20 people, grouped by aisle. Pure: the page, the API and every
 * export (CSV, Markdown) use this one function, so they cannot disagree.
 *
 * Rules (docs/api.md, "Shopping lists"):
 * - Grams are summed exactly over the entries in range and multiplied by `servings`;
 *   nothing is rounded in computation. The rounded "to buy" quantity is display only.
 * - Household unit: when the plan used household portions for a food, the portion
 *   that carries most of the food's grams is the unit, *provided portion entries make
 *   up at least half of the food's grams*; the whole total (portion and gram entries) is
 *   expressed in it. Otherwise the food is listed by weight (g/kg or oz/lb).
 * - "To buy" rounding (units.ts): cups up to ¼ cup, counts ("large" eggs, slices,
 *   servings) up to whole items, weights up to sensible steps; fluids get their volume
 *   ("14 cups (3.31 L)"), solids their weight, as an approximate equivalent.
 * - Supplements are the profile person's own: their doses in range are counted, never
 *   multiplied by the household size. Injections are marked "by prescription".
 * - B12 amounts are not part of a shopping list.
 */
import { doseDays, SUPPLEMENT_FORM_INFO, type SupplementSchedule } from "./supplements";
import {
  approximateVolume,
  approximateWeight,
  buyMeasure,
  buyWeight,
  formatAmount,
  formatExactGrams,
  millilitresPerGram,
  pluraliseUnit,
  type UnitSystemName,
} from "./units";

export const AISLES = [
  "produce",
  "dairy-and-eggs",
  "meat-and-fish",
  "bakery",
  "pantry-and-grains",
  "frozen",
  "drinks",
  "supplements",
  "other",
] as const;
export type Aisle = (typeof AISLES)[number];

export const AISLE_LABELS: Record<Aisle, string> = {
  produce: "Produce",
  "dairy-and-eggs": "Dairy and eggs",
  "meat-and-fish": "Meat and fish",
  bakery: "Bakery",
  "pantry-and-grains": "Pantry and grains",
  frozen: "Frozen",
  drinks: "Drinks",
  supplements: "Supplements",
  other: "Other",
};

/**
 * Aisle of each USDA SR28 food group (FD_GROUP.txt). Curated foods carry an SR28 group
 * too; custom foods may have none ("other").
 */
export const AISLE_BY_FOOD_GROUP: Record<string, Aisle> = {
  "0100": "dairy-and-eggs", // Dairy and Egg Products
  "0200": "pantry-and-grains", // Spices and Herbs (fresh herbs: produce, below)
  "0300": "other", // Baby Foods
  "0400": "pantry-and-grains", // Fats and Oils
  "0500": "meat-and-fish", // Poultry Products
  "0600": "pantry-and-grains", // Soups, Sauces, and Gravies
  "0700": "meat-and-fish", // Sausages and Luncheon Meats
  "0800": "pantry-and-grains", // Breakfast Cereals
  "0900": "produce", // Fruits and Fruit Juices (juices: drinks; canned, dried: pantry)
  "1000": "meat-and-fish", // Pork Products
  "1100": "produce", // Vegetables and Vegetable Products (canned: pantry)
  "1200": "pantry-and-grains", // Nut and Seed Products
  "1300": "meat-and-fish", // Beef Products
  "1400": "drinks", // Beverages
  "1500": "meat-and-fish", // Finfish and Shellfish Products
  "1600": "pantry-and-grains", // Legumes (soy drinks: drinks; tofu, tempeh: dairy and eggs)
  "1700": "meat-and-fish", // Lamb, Veal, and Game Products
  "1800": "bakery", // Baked Products
  "1900": "pantry-and-grains", // Sweets (ice cream: frozen)
  "2000": "pantry-and-grains", // Cereal Grains and Pasta
  "2100": "other", // Fast Foods
  "2200": "other", // Meals, Entrees, and Side Dishes
  "2500": "pantry-and-grains", // Snacks
  "3500": "other", // American Indian/Alaska Native Foods
  "3600": "other", // Restaurant Foods
};

/**
 * The aisle of a food: its group's aisle, refined by a few words of its name where a
 * group spans aisles. "frozen" (or ice cream) wins everywhere; soy drinks sit with the
 * other plant drinks; tofu and tempeh in the chilled dairy-and-eggs aisle; fruit juices
 * with drinks; canned or dried fruit and vegetables in the pantry; fresh herbs in produce.
 */
export function aisleForFood(groupCode: string | null, name: string): Aisle {
  const lower = name.toLowerCase();
  if (/\bfrozen\b|\bice creams?\b/.test(lower)) return "frozen";
  const base = groupCode ? (AISLE_BY_FOOD_GROUP[groupCode] ?? "other") : "other";
  if (groupCode === "1600") {
    if (/soymilk|soy milk|soy drink|soya drink|soy beverage/.test(lower)) return "drinks";
    if (/\btofu\b|\btempeh\b/.test(lower)) return "dairy-and-eggs";
  }
  if (groupCode === "0900" && /\bjuice\b/.test(lower)) return "drinks";
  if ((groupCode === "0900" || groupCode === "1100") && /\bcanned\b|\bdried\b/.test(lower)) {
    return "pantry-and-grains";
  }
  if (groupCode === "0200" && /\bfresh\b/.test(lower)) return "produce";
  return base;
}

export type ShoppingMeal = "breakfast" | "lunch" | "dinner" | "snack";
const MEAL_RANK: Record<ShoppingMeal, number> = { breakfast: 0, lunch: 1, dinner: 2, snack: 3 };

export type ShoppingPortion = { id: string; amount: number; unit: string; grams: number };

export type ShoppingEntryInput = {
  day: number;
  meal: ShoppingMeal;
  foodId: string;
  foodName: string;
  groupCode: string | null;
  grams: number;
  /** The household portion the person chose, if any (null when it has vanished). */
  portion: ShoppingPortion | null;
};

export type ShoppingSupplementInput = SupplementSchedule & {
  id: string;
  doseMicrograms: number;
  form: keyof typeof SUPPLEMENT_FORM_INFO;
  compound: string;
  withMeal: ShoppingMeal | null;
};

export type ShoppingListInput = {
  dayCount: number;
  startDate: string | null;
  fromDay: number;
  toDay: number;
  servings: number;
  unitSystem: UnitSystemName;
  entries: readonly ShoppingEntryInput[];
  /** Every household portion of each food in the plan (to find fluid measures). */
  portionsByFood?: Readonly<Record<string, readonly ShoppingPortion[]>>;
  supplements?: readonly ShoppingSupplementInput[];
};

export type UsedOn = { day: number; meal: ShoppingMeal | null };

export type ShoppingLine = {
  /** Names the line for ticks: the food id, or `supplement:<id>`. */
  itemKey: string;
  kind: "food" | "supplement";
  foodId: string | null;
  supplementId: string | null;
  name: string;
  aisle: Aisle;
  /** Exact grams for the household (null for supplements). Never rounded. */
  grams: number | null;
  /** What to buy, rounded up: "14 cups (3.31 L)", "1.25 kg", "7 × 1,000 µg tablets". */
  displayQuantity: string;
  /** The exact amount: "3,402 g" (foods), "7 doses" (supplements). */
  exactQuantity: string;
  /** The household unit used, with the exact number of it (null when listed by weight). */
  household: { unit: string; exactAmount: number; amount: number } | null;
  /** Doses in range (supplements only). */
  doses: number | null;
  usedOn: UsedOn[];
  /** "By prescription", "For you only: not multiplied by household size". */
  note: string | null;
  prescription: boolean;
};

export type ShoppingList = {
  lines: ShoppingLine[];
  aisles: { aisle: Aisle; label: string; lines: ShoppingLine[] }[];
};

type FoodAccumulator = {
  foodId: string;
  name: string;
  groupCode: string | null;
  grams: number;
  portionGrams: Map<string, { portion: ShoppingPortion; grams: number; entries: number }>;
  usedOn: Map<string, UsedOn>;
};

function sortUsedOn(usedOn: Iterable<UsedOn>): UsedOn[] {
  return [...usedOn].sort(
    (a, b) =>
      a.day - b.day ||
      (a.meal === null ? 4 : MEAL_RANK[a.meal]) - (b.meal === null ? 4 : MEAL_RANK[b.meal]),
  );
}

/** The portion carrying most of the food's grams, if portions carry at least half. */
function chooseHouseholdPortion(food: FoodAccumulator): ShoppingPortion | null {
  let best: { portion: ShoppingPortion; grams: number; entries: number } | null = null;
  let portionGrams = 0;
  for (const candidate of food.portionGrams.values()) {
    portionGrams += candidate.grams;
    if (
      !best ||
      candidate.grams > best.grams ||
      (candidate.grams === best.grams && candidate.entries > best.entries) ||
      (candidate.grams === best.grams &&
        candidate.entries === best.entries &&
        candidate.portion.id < best.portion.id)
    ) {
      best = candidate;
    }
  }
  if (!best || !(best.portion.grams > 0) || portionGrams * 2 < food.grams) return null;
  return best.portion;
}

function foodLine(food: FoodAccumulator, input: ShoppingListInput): ShoppingLine {
  const grams = food.grams * input.servings;
  const portion = chooseHouseholdPortion(food);
  const aisle = aisleForFood(food.groupCode, food.name);
  const base = {
    itemKey: food.foodId,
    kind: "food" as const,
    foodId: food.foodId,
    supplementId: null,
    name: food.name,
    aisle,
    grams,
    exactQuantity: formatExactGrams(grams),
    doses: null,
    usedOn: sortUsedOn(food.usedOn.values()),
    note: null,
    prescription: false,
  };
  if (!portion) {
    return {
      ...base,
      displayQuantity: buyWeight(grams, input.unitSystem).text,
      household: null,
    };
  }
  const measure = buyMeasure(grams, portion);
  const fluid = millilitresPerGram(input.portionsByFood?.[food.foodId] ?? [portion]);
  const equivalent =
    fluid === null
      ? approximateWeight(grams, input.unitSystem)
      : approximateVolume(grams * fluid, input.unitSystem);
  return {
    ...base,
    displayQuantity: `${measure.text} (${equivalent})`,
    household: { unit: measure.unit, exactAmount: measure.exactAmount, amount: measure.amount },
  };
}

function supplementLine(
  supplement: ShoppingSupplementInput,
  input: ShoppingListInput,
): ShoppingLine | null {
  const days = doseDays(supplement, input.dayCount, input.startDate, input.fromDay, input.toDay);
  if (days.length === 0) return null;
  const info = SUPPLEMENT_FORM_INFO[supplement.form];
  const dose = `${formatAmount(supplement.doseMicrograms)} µg`;
  const count = days.length;
  return {
    itemKey: `supplement:${supplement.id}`,
    kind: "supplement",
    foodId: null,
    supplementId: supplement.id,
    name: `Vitamin B12 ${dose} ${info.unit} (${supplement.compound})`,
    aisle: "supplements",
    grams: null,
    displayQuantity: `${count} × ${dose} ${pluraliseUnit(info.unit, count)} (${supplement.compound})`,
    exactQuantity: `${count} ${count === 1 ? "dose" : "doses"}`,
    household: null,
    doses: count,
    usedOn: days.map((day) => ({ day, meal: supplement.withMeal })),
    note: info.prescription
      ? "By prescription. For you only: not multiplied by household size."
      : "For you only: not multiplied by household size.",
    prescription: info.prescription,
  };
}

/** The shopping list of a plan's days `fromDay`-`toDay` for `servings` people. */
export function buildShoppingList(input: ShoppingListInput): ShoppingList {
  const foods = new Map<string, FoodAccumulator>();
  for (const entry of input.entries) {
    if (entry.day < input.fromDay || entry.day > input.toDay) continue;
    if (!(entry.grams > 0) || !Number.isFinite(entry.grams)) continue;
    let food = foods.get(entry.foodId);
    if (!food) {
      food = {
        foodId: entry.foodId,
        name: entry.foodName,
        groupCode: entry.groupCode,
        grams: 0,
        portionGrams: new Map(),
        usedOn: new Map(),
      };
      foods.set(entry.foodId, food);
    }
    food.grams += entry.grams;
    if (entry.portion) {
      const used = food.portionGrams.get(entry.portion.id);
      if (used) {
        used.grams += entry.grams;
        used.entries += 1;
      } else {
        food.portionGrams.set(entry.portion.id, {
          portion: entry.portion,
          grams: entry.grams,
          entries: 1,
        });
      }
    }
    food.usedOn.set(`${entry.day}:${entry.meal}`, { day: entry.day, meal: entry.meal });
  }

  const lines: ShoppingLine[] = [];
  for (const food of foods.values()) lines.push(foodLine(food, input));
  for (const supplement of input.supplements ?? []) {
    const line = supplementLine(supplement, input);
    if (line) lines.push(line);
  }
  lines.sort(
    (a, b) =>
      AISLES.indexOf(a.aisle) - AISLES.indexOf(b.aisle) ||
      a.name.localeCompare(b.name, "en") ||
      a.itemKey.localeCompare(b.itemKey),
  );
  const aisles = AISLES.map((aisle) => ({
    aisle,
    label: AISLE_LABELS[aisle],
    lines: lines.filter((line) => line.aisle === aisle),
  })).filter((group) => group.lines.length > 0);
  return { lines, aisles };
}

const MEAL_LABELS: Record<ShoppingMeal, string> = {
  breakfast: "breakfast",
  lunch: "lunch",
  dinner: "dinner",
  snack: "snack",
};

/** "Day 1 breakfast, lunch; Day 2 breakfast" (supplements on their own: "Day 3"). */
export function describeUsedOn(usedOn: readonly UsedOn[]): string {
  const byDay = new Map<number, string[]>();
  for (const item of usedOn) {
    const meals = byDay.get(item.day) ?? [];
    if (item.meal) meals.push(MEAL_LABELS[item.meal]);
    byDay.set(item.day, meals);
  }
  return [...byDay.entries()]
    .map(([day, meals]) => (meals.length > 0 ? `Day ${day} ${meals.join(", ")}` : `Day ${day}`))
    .join("; ");
}
