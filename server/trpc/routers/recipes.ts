/** recipes.*: thin procedures over server/services/recipes.ts. */
import {
  createRecipeInput,
  deleteRecipeInput,
  duplicateRecipeInput,
  importJsonLdInput,
  parseIngredientsInput,
  recipeIdInput,
  updateRecipeInput,
} from "../../schemas/recipes";
import {
  createRecipe,
  deleteRecipe,
  duplicateRecipe,
  getRecipe,
  importRecipeJsonLd,
  listRecipes,
  parseIngredientText,
  updateRecipe,
} from "../../services/recipes";
import { protectedProcedure, router } from "../init";

export const recipesRouter = router({
  list: protectedProcedure.query(({ ctx }) => listRecipes(ctx.db, ctx.ownerId)),
  get: protectedProcedure
    .input(recipeIdInput)
    .query(({ ctx, input }) => getRecipe(ctx.db, ctx.ownerId, input.recipeId, ctx)),
  create: protectedProcedure
    .input(createRecipeInput)
    .mutation(({ ctx, input }) => createRecipe(ctx.db, ctx.ownerId, input, ctx)),
  update: protectedProcedure
    .input(updateRecipeInput)
    .mutation(({ ctx, input }) => updateRecipe(ctx.db, ctx.ownerId, input, ctx)),
  delete: protectedProcedure
    .input(deleteRecipeInput)
    .mutation(({ ctx, input }) => deleteRecipe(ctx.db, ctx.ownerId, input)),
  duplicate: protectedProcedure
    .input(duplicateRecipeInput)
    .mutation(({ ctx, input }) => duplicateRecipe(ctx.db, ctx.ownerId, input, ctx)),
  /** Reads and matches; changes nothing, but a query would put 20,000 characters in a URL. */
  parseIngredients: protectedProcedure
    .input(parseIngredientsInput)
    .mutation(({ ctx, input }) => parseIngredientText(ctx.db, ctx.ownerId, input.text)),
  importJsonLd: protectedProcedure
    .input(importJsonLdInput)
    .mutation(({ ctx, input }) => importRecipeJsonLd(ctx.db, ctx.ownerId, input.json)),
});
