/** The recipe pages' data shapes, taken from the API so they never drift from it. */
import type { RouterInputs, RouterOutputs } from "@/server/trpc/root";

export type RecipeSummary = RouterOutputs["recipes"]["list"]["items"][number];
export type Recipe = RouterOutputs["recipes"]["get"];
export type RecipeIngredient = Recipe["ingredients"][number];
export type ParsedLine = RouterOutputs["recipes"]["parseIngredients"]["lines"][number];
export type RecipeDraft = RouterOutputs["recipes"]["importJsonLd"];
export type RecipeInput = RouterInputs["recipes"]["create"];
export type IngredientInput = RecipeInput["ingredients"][number];
