/** shopping.*: thin procedures over server/services/shopping.ts. */
import {
  addExtraInput,
  planOnlyInput,
  removeExtraInput,
  setAisleInput,
  setCheckedInput,
  setInPantryInput,
  setPreferencesInput,
  shoppingListInput,
} from "../../schemas/shopping";
import {
  addExtra,
  clearChecked,
  getShoppingList,
  removeExtra,
  setAisle,
  setChecked,
  setInPantry,
  setShoppingPreferences,
} from "../../services/shopping";
import { protectedProcedure, router } from "../init";

export const shoppingRouter = router({
  list: protectedProcedure
    .input(shoppingListInput)
    .query(({ ctx, input }) => getShoppingList(ctx.db, ctx.ownerId, input, ctx)),
  setPreferences: protectedProcedure
    .input(setPreferencesInput)
    .mutation(({ ctx, input }) => setShoppingPreferences(ctx.db, ctx.ownerId, input, ctx)),
  setChecked: protectedProcedure
    .input(setCheckedInput)
    .mutation(({ ctx, input }) => setChecked(ctx.db, ctx.ownerId, input)),
  setInPantry: protectedProcedure
    .input(setInPantryInput)
    .mutation(({ ctx, input }) => setInPantry(ctx.db, ctx.ownerId, input)),
  setAisle: protectedProcedure
    .input(setAisleInput)
    .mutation(({ ctx, input }) => setAisle(ctx.db, ctx.ownerId, input, ctx)),
  clearChecked: protectedProcedure
    .input(planOnlyInput)
    .mutation(({ ctx, input }) => clearChecked(ctx.db, ctx.ownerId, input.planId, ctx)),
  addExtra: protectedProcedure
    .input(addExtraInput)
    .mutation(({ ctx, input }) => addExtra(ctx.db, ctx.ownerId, input, ctx)),
  removeExtra: protectedProcedure
    .input(removeExtraInput)
    .mutation(({ ctx, input }) => removeExtra(ctx.db, ctx.ownerId, input, ctx)),
});
