/** foods.*: thin procedures over server/services/foods.ts. */
import {
  amountPreviewInput,
  customFoodFields,
  deleteCustomFoodInput,
  getFoodInput,
  labelPreviewInput,
  recentFoodsInput,
  searchFoodsInput,
  setDietOverrideInput,
  setFavoriteInput,
  updateCustomFoodInput,
} from "../../schemas/foods";
import {
  listFavoriteFoods,
  listRecentFoods,
  previewAmount,
  setFavoriteFood,
} from "../../services/food-shortcuts";
import {
  createCustomFood,
  deleteCustomFood,
  getFood,
  listFoodGroups,
  previewLabel,
  searchFoods,
  setDietOverride,
  updateCustomFood,
} from "../../services/foods";
import { publicProcedure, router } from "../init";

export const foodsRouter = router({
  search: publicProcedure
    .input(searchFoodsInput)
    .query(({ ctx, input }) => searchFoods(ctx.db, ctx.ownerId, input)),
  get: publicProcedure
    .input(getFoodInput)
    .query(({ ctx, input }) => getFood(ctx.db, ctx.ownerId, input)),
  recent: publicProcedure
    .input(recentFoodsInput)
    .query(({ ctx, input }) => listRecentFoods(ctx.db, ctx.ownerId, input)),
  favorites: publicProcedure.query(({ ctx }) => listFavoriteFoods(ctx.db, ctx.ownerId)),
  setFavorite: publicProcedure
    .input(setFavoriteInput)
    .mutation(({ ctx, input }) => setFavoriteFood(ctx.db, ctx.ownerId, input)),
  amountPreview: publicProcedure
    .input(amountPreviewInput)
    .query(({ ctx, input }) => previewAmount(ctx.db, ctx.ownerId, input)),
  groups: publicProcedure.query(({ ctx }) => listFoodGroups(ctx.db)),
  labelPreview: publicProcedure.input(labelPreviewInput).query(({ input }) => previewLabel(input)),
  createCustom: publicProcedure
    .input(customFoodFields)
    .mutation(({ ctx, input }) => createCustomFood(ctx.db, ctx.ownerId, input)),
  updateCustom: publicProcedure
    .input(updateCustomFoodInput)
    .mutation(({ ctx, input }) => updateCustomFood(ctx.db, ctx.ownerId, input)),
  deleteCustom: publicProcedure
    .input(deleteCustomFoodInput)
    .mutation(({ ctx, input }) => deleteCustomFood(ctx.db, ctx.ownerId, input.id)),
  setDietOverride: publicProcedure
    .input(setDietOverrideInput)
    .mutation(({ ctx, input }) => setDietOverride(ctx.db, ctx.ownerId, input)),
});
