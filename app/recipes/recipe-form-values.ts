/**
 * The recipe form's values (new and edit): name, servings, the ingredient lines as the
 * person confirms them, steps and notes. Lines come from recipes.parseIngredients, from
 * recipes.importJsonLd or from the saved recipe; each keeps its text, so nothing is
 * dropped: a line without a food is saved as text, a food without grams with its food, and
 * both count as "B12 unknown" (the total is a lower bound). Errors carry the
 * field they belong to (the server's `error.data.field` or the check made here). Pure:
 * the form's hook (use-recipe-form.ts) keeps the state.
 */
import { describeParsedAmount, formatQuantity } from "./recipe-format";
import type { IngredientInput, ParsedLine, Recipe, RecipeDraft, RecipeInput } from "./recipe-types";

/** The most grams one line may hold (the API's cap per amount, 5 kg). */
const MAX_LINE_GRAMS = 5000;
export const MAX_LINES = 100;

/**
 * A food a line may mean. `grams` is the parser's weighing of the line's amount in that
 * food (null: not convertible); absent for foods the parser did not offer.
 */
export type Candidate = { id: string; name: string; grams?: number | null };

export type DraftLine = {
  key: string;
  text: string;
  /** What the parser read ("2 cup", "½"), or the saved portion ("1.5 × 1 cup"). */
  amountRead: string;
  foodId: string | null;
  foodName: string | null;
  candidates: Candidate[];
  /** Grams as typed (a string while editing). */
  grams: string;
  /** A household portion chosen for the food, kept while the grams are not changed. */
  portion: { portionId: string; quantity: number } | null;
  /** Why the parser flagged the line ("no-food", "no-amount", "no-grams"). */
  flag: string | null;
};

export type FormValues = {
  name: string;
  servings: string;
  steps: string;
  notes: string;
  lines: DraftLine[];
};

/** Errors by field: "name", "servings", "steps", "notes", "lines.<key>", "form". */
export type FormErrors = Record<string, string>;

let lineCounter = 0;
function nextKey(): string {
  lineCounter += 1;
  return `line-${lineCounter}`;
}

/** Grams as the form shows them (to 0.1 g), "" when unknown. */
export function gramsText(grams: number | null): string {
  return grams === null ? "" : String(Number(grams.toFixed(1)));
}

/** A parsed line (paste or JSON-LD) as a form line. */
export function lineFromParsed(line: ParsedLine): DraftLine {
  const candidates: Candidate[] = line.candidates.map((item) => ({
    id: item.id,
    name: item.name,
    grams: item.grams,
  }));
  if (line.food && !candidates.some((item) => item.id === line.food?.id)) {
    candidates.unshift({ id: line.food.id, name: line.food.name, grams: line.grams });
  }
  return {
    key: nextKey(),
    text: line.text,
    amountRead: describeParsedAmount(line),
    foodId: line.food?.id ?? null,
    foodName: line.food?.name ?? null,
    candidates,
    grams: gramsText(line.grams),
    portion: null,
    flag: line.flag ?? null,
  };
}

/** A saved ingredient as a form line. */
export function lineFromIngredient(ingredient: Recipe["ingredients"][number]): DraftLine {
  const portion =
    ingredient.portionId && ingredient.quantity !== null
      ? { portionId: ingredient.portionId, quantity: ingredient.quantity }
      : null;
  return {
    key: nextKey(),
    text: ingredient.text,
    amountRead:
      ingredient.portionLabel && ingredient.quantity !== null
        ? `${formatQuantity(ingredient.quantity)} × ${ingredient.portionLabel}`
        : "",
    foodId: ingredient.foodId,
    foodName: ingredient.foodName,
    candidates:
      ingredient.foodId && ingredient.foodName
        ? [{ id: ingredient.foodId, name: ingredient.foodName }]
        : [],
    grams: gramsText(ingredient.grams),
    portion,
    flag: null,
  };
}

export function valuesFromRecipe(recipe: Recipe): FormValues {
  return {
    name: recipe.name,
    servings: formatQuantity(recipe.servings),
    steps: recipe.steps ?? "",
    notes: recipe.notes ?? "",
    lines: recipe.ingredients.map(lineFromIngredient),
  };
}

export function valuesFromDraft(draft: RecipeDraft): FormValues {
  return {
    name: draft.name,
    servings: draft.servings === null ? "" : formatQuantity(draft.servings),
    steps: draft.steps ?? "",
    notes: draft.notes ?? "",
    lines: draft.lines.map(lineFromParsed),
  };
}

export const EMPTY_VALUES: FormValues = {
  name: "",
  servings: "4",
  steps: "",
  notes: "",
  lines: [],
};

function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Whether a line will count (a food and grams) or be kept as text. */
export function lineCounts(line: DraftLine): boolean {
  const grams = readNumber(line.grams);
  return line.foodId !== null && grams !== null && grams > 0 && grams <= MAX_LINE_GRAMS;
}

/** The API input, or the errors that stop it (by field). */
export function toInput(
  values: FormValues,
): { ok: true; input: RecipeInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = "Give the recipe a name.";
  const servings = readNumber(values.servings);
  if (servings === null || Number.isNaN(servings) || servings <= 0 || servings > 1000) {
    errors.servings = "Servings: a number greater than 0 (how many servings the recipe makes).";
  }
  if (values.lines.length > MAX_LINES) {
    errors.form = `A recipe can have at most ${MAX_LINES} ingredient lines.`;
  }
  const ingredients: IngredientInput[] = [];
  for (const line of values.lines) {
    const text = line.text.trim() || line.foodName || "";
    const grams = readNumber(line.grams);
    if (line.foodId !== null && grams !== null) {
      if (Number.isNaN(grams) || grams <= 0 || grams > MAX_LINE_GRAMS) {
        errors[`lines.${line.key}`] = `Grams: a number greater than 0, at most ${MAX_LINE_GRAMS}.`;
        continue;
      }
      ingredients.push(
        line.portion
          ? { foodId: line.foodId, ...line.portion, text }
          : { foodId: line.foodId, grams, text },
      );
      continue;
    }
    // A food without grams is kept with its food (B12 unknown until the grams are known).
    if (line.foodId !== null) {
      ingredients.push({ foodId: line.foodId, text });
      continue;
    }
    if (!text) continue;
    ingredients.push({ text });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      servings: servings as number,
      ingredients,
      // null clears them on an edit (left out would keep the old text).
      steps: values.steps.trim() || null,
      notes: values.notes.trim() || null,
    },
  };
}

/**
 * The server's field ("name", "ingredients.3.grams") as this form's field: ingredient
 * indexes map to the lines that were sent (blank lines are skipped when sending).
 */
export function fieldOfServerError(field: string | null, values: FormValues): string {
  if (!field) return "form";
  const [head, index] = field.split(".");
  if (head === "name" || head === "servings" || head === "steps" || head === "notes") return head;
  if (head === "ingredients" && index !== undefined) {
    const sent = values.lines.filter(
      (line) => line.foodId !== null || line.text.trim() || line.foodName,
    );
    const line = sent[Number(index)];
    if (line) return `lines.${line.key}`;
  }
  return "form";
}
