/**
 * The project's shared vocabulary: the closed sets of words the database, the API, the
 * domain and the UI all use (meals, diets, conditions, standards, …) and the labels people
 * read for them. `db/schema.ts` builds its enum columns from these, the zod schemas
 * validate against them, and the pages import the labels from here, so a new meal or
 * condition is added in one place.
 *
 * Pure data: no imports, safe in client components.
 */

export const DIETS = ["vegan", "vegetarian", "omnivore"] as const;
export type Diet = (typeof DIETS)[number];

/** How a food is labelled in lists and badges. */
export const DIET_LABEL: Record<Diet, string> = {
  vegan: "Vegan",
  vegetarian: "Vegetarian",
  omnivore: "Contains meat or fish",
};

/** How a person's diet reads inside a sentence ("Ana, 34, vegan"). */
export const DIET_WORDS: Record<Diet, string> = {
  omnivore: "eats meat or fish",
  vegetarian: "vegetarian",
  vegan: "vegan",
};

export const FOOD_SOURCES = ["usda", "curated", "custom"] as const;
export type FoodSource = (typeof FOOD_SOURCES)[number];

/** Which Daily Value or reference a label's percentage refers to (server/domain/b12-amounts.ts). */
export const LABEL_EDITIONS = [
  "current",
  "pre-2016",
  "us-infant",
  "us-child-1-3",
  "us-pregnancy-lactation",
  "eu-nrv",
] as const;
export type LabelEdition = (typeof LABEL_EDITIONS)[number];

export const SEXES = ["female", "male"] as const;
export type Sex = (typeof SEXES)[number];

export const REFERENCE_STANDARDS = ["nih", "efsa", "uk", "who"] as const;
export type ReferenceStandard = (typeof REFERENCE_STANDARDS)[number];

export const CONDITIONS = [
  "no-intrinsic-factor",
  "gastric-surgery",
  "metformin",
  "acid-reducers",
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** The profile form's words for each condition, with a one-line plain explanation. */
export const CONDITION_TEXT: Record<Condition, { label: string; hint: string }> = {
  "no-intrinsic-factor": {
    label: "Pernicious anaemia or no intrinsic factor",
    hint: "The body cannot use the usual route to absorb B12 from food or tablets.",
  },
  "gastric-surgery": {
    label: "Stomach or bowel surgery (e.g. gastric bypass)",
    hint: "Some operations remove the parts that release and absorb B12.",
  },
  metformin: { label: "Taking metformin", hint: "Linked with lower B12 status over time." },
  "acid-reducers": {
    label: "Taking acid-reducing medicines (PPIs such as omeprazole, or H2 blockers)",
    hint: "Less stomach acid frees less B12 from food.",
  },
};

export const MEALS = ["breakfast", "lunch", "dinner", "snack"] as const;
export type Meal = (typeof MEALS)[number];

/** A meal's heading on pages and in downloads. */
export const MEAL_LABELS: Record<Meal, string> = {
  breakfast: "Breakfast",
  lunch: "Lunch",
  dinner: "Dinner",
  snack: "Snacks",
};

/** The meals in order with their labels, for lists of sections and pickers. */
export const MEAL_OPTIONS: readonly { meal: Meal; label: string }[] = MEALS.map((meal) => ({
  meal,
  label: MEAL_LABELS[meal],
}));

export const SUPPLEMENT_FORMS = [
  "tablet",
  "chewable",
  "sublingual",
  "spray-drops",
  "injection",
] as const;
export type SupplementForm = (typeof SUPPLEMENT_FORMS)[number];

export const SUPPLEMENT_COMPOUNDS = [
  "cyanocobalamin",
  "methylcobalamin",
  "hydroxocobalamin",
  "adenosylcobalamin",
] as const;
export type SupplementCompound = (typeof SUPPLEMENT_COMPOUNDS)[number];

export const UNIT_SYSTEMS = ["metric", "imperial"] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

export const HOUSEHOLD_ROLES = ["owner", "adult", "viewer"] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];
