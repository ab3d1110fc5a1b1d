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
import { protectedProcedure, router } from "../init";

export const foodsRouter = router({
  search: protectedProcedure
    .input(searchFoodsInput)
    .query(({ ctx, input }) => searchFoods(ctx.db, ctx.ownerId, input)),
  get: protectedProcedure
    .input(getFoodInput)
    .query(({ ctx, input }) => getFood(ctx.db, ctx.ownerId, input)),
  recent: protectedProcedure
    .input(recentFoodsInput)
    .query(({ ctx, input }) => listRecentFoods(ctx.db, ctx.ownerId, input)),
  favorites: protectedProcedure.query(({ ctx }) => listFavoriteFoods(ctx.db, ctx.ownerId)),
  setFavorite: protectedProcedure
    .input(setFavoriteInput)
    .mutation(({ ctx, input }) => setFavoriteFood(ctx.db, ctx.ownerId, input)),
  amountPreview: protectedProcedure
    .input(amountPreviewInput)
    .query(({ ctx, input }) => previewAmount(ctx.db, ctx.ownerId, input)),
  groups: protectedProcedure.query(({ ctx }) => listFoodGroups(ctx.db)),
  labelPreview: protectedProcedure
    .input(labelPreviewInput)
    .query(({ input }) => previewLabel(input)),
  createCustom: protectedProcedure
    .input(customFoodFields)
    .mutation(({ ctx, input }) => createCustomFood(ctx.db, ctx.ownerId, input)),
  updateCustom: protectedProcedure
    .input(updateCustomFoodInput)
    .mutation(({ ctx, input }) => updateCustomFood(ctx.db, ctx.ownerId, input)),
  deleteCustom: protectedProcedure
    .input(deleteCustomFoodInput)
    .mutation(({ ctx, input }) => deleteCustomFood(ctx.db, ctx.ownerId, input.id)),
  setDietOverride: protectedProcedure
    .input(setDietOverrideInput)
    .mutation(({ ctx, input }) => setDietOverride(ctx.db, ctx.ownerId, input)),
});
