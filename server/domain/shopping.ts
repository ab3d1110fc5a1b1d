/**
 * The shopping list: a plan (or a range of its days) turned into one line per food, for
 * a household of 1-20 people, grouped by aisle. Pure: the page, the API and every
 * export (CSV, Markdown) use this one function, so they cannot disagree.
 *
 * Rules (docs/api.md, "Shopping lists"):
 * - Grams are summed exactly over the entries in range and multiplied by `servings`:
 *   the household's portions (the sum of the eaters' portion factors plus guests, e.g.
 *   2.5 for two adults and a child at ½; household-portions.ts); nothing is rounded in
 *   computation. The rounded "to buy" quantity is display only.
 * - Household unit: when the plan used household portions for a food, the portion
 *   that carries most of the food's grams is the unit, *provided portion entries make
 *   up at least half of the food's grams*; the whole total (portion and gram entries) is
 *   expressed in it. Otherwise the food is listed by weight (g/kg or oz/lb).
 * - "To buy" rounding (units.ts): cups up to ¼ cup, counts ("large" eggs, slices,
 *   servings) up to whole items, weights up to sensible steps; fluids get their volume
 *   ("14 cups (3.31 L)"), solids their weight, as an approximate equivalent.
 * - Supplements are each one person's own: their doses in range are counted once, never
 *   multiplied by the household size. Injections are marked "by prescription".
 * - B12 amounts are not part of a shopping list.
 */

import { changeLastWord, plural, shoppingName, singular } from "./shopping-names";
import { doseDays, SUPPLEMENT_FORM_INFO, type SupplementSchedule } from "./supplements";
import {
  approximateWeight,
  type BuyMeasure,
  buyMeasure,
  buyVolume,
  buyWeight,
  formatAmount,
  formatExactGrams,
  isDrink,
  measureKind,
  millilitresPerGram,
  plainUnit,
  pluraliseUnit,
  type UnitSystemName,
} from "./units";

export const AISLES = [
  "produce",
  "bakery",
  "dairy-and-eggs",
  "chilled-and-plant-based",
  "meat-and-fish",
  "frozen",
  "pantry-and-grains",
  "canned-goods",
  "spices-and-herbs",
  "oils-and-sauces",
  "drinks",
  "supplements",
  "other",
] as const;
export type Aisle = (typeof AISLES)[number];

export const AISLE_LABELS: Record<Aisle, string> = {
  produce: "Produce",
  bakery: "Bakery",
  "dairy-and-eggs": "Dairy and eggs",
  "chilled-and-plant-based": "Chilled and plant-based",
  "meat-and-fish": "Meat and fish",
  frozen: "Frozen",
  "pantry-and-grains": "Pantry and grains",
  "canned-goods": "Canned goods",
  "spices-and-herbs": "Spices and herbs",
  "oils-and-sauces": "Oils, vinegars and sauces",
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
  "0200": "spices-and-herbs", // Spices and Herbs (fresh herbs: produce, below)
  "0300": "other", // Baby Foods
  "0400": "oils-and-sauces", // Fats and Oils
  "0500": "meat-and-fish", // Poultry Products
  "0600": "canned-goods", // Soups, Sauces, and Gravies (sauces: oils and sauces, below)
  "0700": "meat-and-fish", // Sausages and Luncheon Meats
  "0800": "pantry-and-grains", // Breakfast Cereals
  "0900": "produce", // Fruits and Fruit Juices (juices: drinks; canned: canned; dried: pantry)
  "1100": "produce", // Vegetables and Vegetable Products (canned: canned goods)
  "1000": "meat-and-fish", // Pork Products
  "1200": "pantry-and-grains", // Nut and Seed Products
  "1300": "meat-and-fish", // Beef Products
  "1400": "drinks", // Beverages
  "1500": "meat-and-fish", // Finfish and Shellfish Products (canned: canned goods)
  "1600": "pantry-and-grains", // Legumes (soy drinks: drinks; tofu, tempeh: chilled)
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
 * group spans aisles. "frozen" (or ice cream) wins everywhere; canned foods sit with
 * the canned goods; soy drinks with the other drinks; tofu, tempeh, hummus and meat
 * alternatives in the chilled plant-based aisle (not dairy); fruit juices with drinks;
 * dried fruit in the pantry; fresh herbs in produce; sauces and vinegars with oils.
 */
export function aisleForFood(groupCode: string | null, name: string): Aisle {
  const lower = name.toLowerCase();
  if (/\bfrozen\b|\bice creams?\b/.test(lower)) return "frozen";
  const base = groupCode ? (AISLE_BY_FOOD_GROUP[groupCode] ?? "other") : "other";
  if (
    /\bcanned\b/.test(lower) &&
    ["0900", "1100", "1500", "1600", "0600"].includes(groupCode ?? "")
  ) {
    return "canned-goods";
  }
  if (groupCode === "1600") {
    if (/soymilk|soy milk|soy drink|soya drink|soy beverage/.test(lower)) return "drinks";
    if (
      /\btofu\b|\btempeh\b|\bhummus\b|meatless|meat extender|veggie|vegetarian|\bsoy yogh?urt/.test(
        lower,
      )
    ) {
      return "chilled-and-plant-based";
    }
  }
  if (groupCode === "0900" && /\bjuice\b/.test(lower)) return "drinks";
  if ((groupCode === "0900" || groupCode === "1100") && /\bdried\b|\bdehydrated\b/.test(lower)) {
    return "pantry-and-grains";
  }
  if (groupCode === "0200" && /\bfresh\b/.test(lower)) return "produce";
  if (/\bvinegar\b|\bsoy sauce\b|\bketchup\b|\bmustard\b|\bmayonnaise\b/.test(lower)) {
    return "oils-and-sauces";
  }
  if (groupCode === "0600" && /\bsauce\b|\bgravy\b/.test(lower)) return "oils-and-sauces";
  return base;
}

/** A string that names an aisle (for choices read back from the database). */
export function isAisle(value: string): value is Aisle {
  return (AISLES as readonly string[]).includes(value);
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
  /** Classified as fortified with B12 (the shopping name says "fortified"). */
  b12Fortified?: boolean;
  /**
   * The raw or dry food a prepared food is bought as (server/domain/raw-forms.ts), with
   * its grams per gram of the prepared food and its household portions.
   */
  rawForm?: ShoppingRawForm | null;
  /** The dish (recipe) this amount is part of, when it comes from a recipe in the plan. */
  dishName?: string | null;
};

/**
 * A recipe line that cannot be weighed (no food matched, or no amount): listed as its text,
 * once per recipe line, never silently dropped (issue 16).
 */
export type ShoppingTextInput = {
  /** Names the line for ticks: `recipe-line:<ingredient id>`. */
  itemKey: string;
  day: number;
  meal: ShoppingMeal;
  text: string;
  recipeName: string;
  /** The matched food when there is one (its aisle), else null. */
  foodId: string | null;
  foodName: string | null;
  groupCode: string | null;
};

export type ShoppingRawForm = {
  foodId: string;
  foodName: string;
  groupCode: string | null;
  b12Fortified?: boolean;
  factor: number;
  portions: readonly ShoppingPortion[];
};

export type ShoppingSupplementInput = SupplementSchedule & {
  id: string;
  doseMicrograms: number;
  form: keyof typeof SUPPLEMENT_FORM_INFO;
  compound: string;
  withMeal: ShoppingMeal | null;
  /** Whose supplement it is ("For Ana only"); null: the note says "you". */
  personName?: string | null;
};

export type ShoppingListInput = {
  dayCount: number;
  startDate: string | null;
  fromDay: number;
  toDay: number;
  /** Times the plan's amounts: the household's portions (may be fractional, e.g. 2.5). */
  servings: number;
  unitSystem: UnitSystemName;
  entries: readonly ShoppingEntryInput[];
  /** Every household portion of each food in the plan (to find fluid measures). */
  portionsByFood?: Readonly<Record<string, readonly ShoppingPortion[]>>;
  supplements?: readonly ShoppingSupplementInput[];
  /** Aisles the person moved foods to, by food id: these win over the derived aisle. */
  aisleChoices?: Readonly<Record<string, Aisle>>;
  /** Recipe lines without a weight, listed as text (not multiplied by servings). */
  textItems?: readonly ShoppingTextInput[];
};

/** A day and meal the line is for; `dishes` names the recipes it goes into there. */
export type UsedOn = { day: number; meal: ShoppingMeal | null; dishes?: string[] };

export type ShoppingLine = {
  /** Names the line for ticks: the food id, `supplement:<id>` or `recipe-line:<id>`. */
  itemKey: string;
  /** "text": a recipe line that cannot be weighed, listed as written. */
  kind: "food" | "supplement" | "text";
  foodId: string | null;
  supplementId: string | null;
  /** The full SR28 (or curated, custom) name of the food to buy, shown on demand. */
  name: string;
  /** The short shopping name: "egg", "dry lentils", "fortified soy milk". */
  shoppingName: string;
  /** The line as read in a shop: "12 large eggs", "1.25 kg dry lentils", "2 L soy milk". */
  text: string;
  /** Prepared foods of the plan bought as this food ("cooked lentils" → dry lentils). */
  preparedFrom: { foodId: string; name: string; shoppingName: string }[];
  aisle: Aisle;
  /** True when the person chose this aisle (shopping.setAisle). */
  aisleChosen: boolean;
  /** Exact grams for the household (null for supplements). Never rounded. */
  grams: number | null;
  /** What to buy, rounded up: "2 L", "12 large", "1.25 kg", "7 × 1,000 µg tablets". */
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
  b12Fortified: boolean;
  preparedFrom: Map<string, { foodId: string; name: string; shoppingName: string }>;
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

/** The line as read in a shop, from the rounded measure and the short name. */
function measureText(measure: BuyMeasure, name: string, aisle: Aisle): string {
  const count = formatAmount(measure.amount);
  const unit = measure.unit;
  switch (measureKind(unit)) {
    case "label":
      return `${count} × ${unit} ${name}`;
    case "size":
      return `${count} ${plainUnit(unit)} ${measure.amount === 1 ? name : changeLastWord(name, plural)}`;
    case "volume": {
      // Mass noun after a volume: "3 cups chopped onion", but "3 cups dry lentils".
      const noun = aisle === "produce" ? changeLastWord(name, singular) : name;
      return `${count} ${plainUnit(pluraliseUnit(unit, measure.amount))} ${noun}`;
    }
    default:
      return `${count} ${plainUnit(pluraliseUnit(unit, measure.amount))} ${name}`;
  }
}

function foodLine(food: FoodAccumulator, input: ShoppingListInput): ShoppingLine {
  const grams = food.grams * input.servings;
  const portion = chooseHouseholdPortion(food);
  const chosen = input.aisleChoices?.[food.foodId];
  const aisle = chosen ?? aisleForFood(food.groupCode, food.name);
  const name = shoppingName({
    id: food.foodId,
    name: food.name,
    groupCode: food.groupCode,
    b12Fortified: food.b12Fortified,
  });
  const base = {
    itemKey: food.foodId,
    kind: "food" as const,
    foodId: food.foodId,
    supplementId: null,
    name: food.name,
    shoppingName: name,
    preparedFrom: [...food.preparedFrom.values()],
    aisle,
    aisleChosen: chosen !== undefined,
    grams,
    exactQuantity: formatExactGrams(grams),
    doses: null,
    usedOn: sortUsedOn(food.usedOn.values()),
    note: null,
    prescription: false,
  };
  const fluid = millilitresPerGram(
    input.portionsByFood?.[food.foodId] ?? (portion ? [portion] : []),
    { drink: isDrink(food.name) },
  );
  const measure = portion ? buyMeasure(grams, portion) : null;
  const household = measure
    ? { unit: measure.unit, exactAmount: measure.exactAmount, amount: measure.amount }
    : null;
  if (fluid !== null) {
    // Liquids are bought by volume, whatever measure the plan used.
    const volume = buyVolume(grams * fluid, input.unitSystem);
    return { ...base, displayQuantity: volume.text, text: `${volume.text} ${name}`, household };
  }
  if (!measure) {
    const weight = buyWeight(grams, input.unitSystem).text;
    return { ...base, displayQuantity: weight, text: `${weight} ${name}`, household: null };
  }
  const equivalent = approximateWeight(grams, input.unitSystem);
  return {
    ...base,
    displayQuantity: `${measure.text} (${equivalent})`,
    text: `${measureText(measure, name, aisle)} (${equivalent})`,
    household,
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
    shoppingName: `vitamin B12 ${dose} ${pluraliseUnit(info.unit, count)}`,
    text: `${count} × ${dose} vitamin B12 ${pluraliseUnit(info.unit, count)} (${supplement.compound})`,
    preparedFrom: [],
    aisle: "supplements",
    aisleChosen: false,
    grams: null,
    displayQuantity: `${count} × ${dose} ${pluraliseUnit(info.unit, count)} (${supplement.compound})`,
    exactQuantity: `${count} ${count === 1 ? "dose" : "doses"}`,
    household: null,
    doses: count,
    usedOn: days.map((day) => ({ day, meal: supplement.withMeal })),
    note: `${info.prescription ? "By prescription. " : ""}For ${supplement.personName ?? "you"} only: not multiplied by household size.`,
    prescription: info.prescription,
  };
}

/**
 * The raw food's portion matching a counted portion of the prepared food ("large" egg,
 * "slice" of bread): counts carry over from toast to bread and boiled to raw eggs;
 * volumes (a cup of cooked lentils is not a cup of dry ones) do not.
 */
function rawPortion(
  portion: ShoppingPortion | null,
  rawPortions: readonly ShoppingPortion[],
): ShoppingPortion | null {
  if (!portion || measureKind(portion.unit) === "volume" || measureKind(portion.unit) === "label") {
    return null;
  }
  const word = plainUnit(portion.unit).toLowerCase();
  return rawPortions.find((candidate) => plainUnit(candidate.unit).toLowerCase() === word) ?? null;
}

function addUsedOn(
  usedOn: Map<string, UsedOn>,
  day: number,
  meal: ShoppingMeal,
  dishName: string | null,
): void {
  const key = `${day}:${meal}`;
  const item = usedOn.get(key) ?? { day, meal };
  if (dishName !== null) {
    const dishes = item.dishes ?? [];
    if (!dishes.includes(dishName)) dishes.push(dishName);
    item.dishes = dishes;
  }
  usedOn.set(key, item);
}

/** One line per recipe line without a weight, as written, with where it is used. */
function textLines(input: ShoppingListInput): ShoppingLine[] {
  const byKey = new Map<string, { item: ShoppingTextInput; usedOn: Map<string, UsedOn> }>();
  for (const item of input.textItems ?? []) {
    if (item.day < input.fromDay || item.day > input.toDay) continue;
    const found = byKey.get(item.itemKey) ?? { item, usedOn: new Map<string, UsedOn>() };
    addUsedOn(found.usedOn, item.day, item.meal, item.recipeName);
    byKey.set(item.itemKey, found);
  }
  return [...byKey.values()].map(({ item, usedOn }) => {
    const chosen = item.foodId ? input.aisleChoices?.[item.foodId] : undefined;
    const aisle =
      chosen ?? (item.foodId ? aisleForFood(item.groupCode, item.foodName ?? "") : "other");
    return {
      itemKey: item.itemKey,
      kind: "text" as const,
      foodId: item.foodId,
      supplementId: null,
      name: item.text,
      shoppingName: item.text,
      text: item.text,
      preparedFrom: [],
      aisle,
      aisleChosen: chosen !== undefined,
      grams: null,
      displayQuantity: "",
      exactQuantity: "amount not known",
      household: null,
      doses: null,
      usedOn: sortUsedOn(usedOn.values()),
      note: `From the recipe ${item.recipeName}; its amount could not be weighed, so check it.`,
      prescription: false,
    };
  });
}

/** The shopping list of a plan's days `fromDay`-`toDay` for `servings` people. */
export function buildShoppingList(input: ShoppingListInput): ShoppingList {
  const foods = new Map<string, FoodAccumulator>();
  for (const entry of input.entries) {
    if (entry.day < input.fromDay || entry.day > input.toDay) continue;
    if (!(entry.grams > 0) || !Number.isFinite(entry.grams)) continue;
    const raw = entry.rawForm ?? null;
    const foodId = raw ? raw.foodId : entry.foodId;
    let food = foods.get(foodId);
    if (!food) {
      food = {
        foodId,
        name: raw ? raw.foodName : entry.foodName,
        groupCode: raw ? raw.groupCode : entry.groupCode,
        b12Fortified: (raw ? raw.b12Fortified : entry.b12Fortified) === true,
        preparedFrom: new Map(),
        grams: 0,
        portionGrams: new Map(),
        usedOn: new Map(),
      };
      foods.set(foodId, food);
    }
    const grams = raw ? entry.grams * raw.factor : entry.grams;
    food.grams += grams;
    if (raw && !food.preparedFrom.has(entry.foodId)) {
      food.preparedFrom.set(entry.foodId, {
        foodId: entry.foodId,
        name: entry.foodName,
        shoppingName: shoppingName({
          id: entry.foodId,
          name: entry.foodName,
          groupCode: entry.groupCode,
        }),
      });
    }
    const portion = raw ? rawPortion(entry.portion, raw.portions) : entry.portion;
    if (portion) {
      const used = food.portionGrams.get(portion.id);
      if (used) {
        used.grams += grams;
        used.entries += 1;
      } else {
        food.portionGrams.set(portion.id, { portion, grams, entries: 1 });
      }
    }
    addUsedOn(food.usedOn, entry.day, entry.meal, entry.dishName ?? null);
  }

  const lines: ShoppingLine[] = [];
  for (const food of foods.values()) lines.push(foodLine(food, input));
  lines.push(...textLines(input));
  for (const supplement of input.supplements ?? []) {
    const line = supplementLine(supplement, input);
    if (line) lines.push(line);
  }
  lines.sort(
    (a, b) =>
      AISLES.indexOf(a.aisle) - AISLES.indexOf(b.aisle) ||
      a.shoppingName.localeCompare(b.shoppingName, "en") ||
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
    if (item.meal) {
      const dishes = item.dishes?.length ? ` (${item.dishes.join(", ")})` : "";
      meals.push(`${MEAL_LABELS[item.meal]}${dishes}`);
    }
    byDay.set(item.day, meals);
  }
  return [...byDay.entries()]
    .map(([day, meals]) => (meals.length > 0 ? `Day ${day} ${meals.join(", ")}` : `Day ${day}`))
    .join("; ");
}
