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
import { publicProcedure, router } from "../init";

export const shoppingRouter = router({
  list: publicProcedure
    .input(shoppingListInput)
    .query(({ ctx, input }) => getShoppingList(ctx.db, ctx.ownerId, input)),
  setPreferences: publicProcedure
    .input(setPreferencesInput)
    .mutation(({ ctx, input }) => setShoppingPreferences(ctx.db, ctx.ownerId, input)),
  setChecked: publicProcedure
    .input(setCheckedInput)
    .mutation(({ ctx, input }) => setChecked(ctx.db, ctx.ownerId, input)),
  setInPantry: publicProcedure
    .input(setInPantryInput)
    .mutation(({ ctx, input }) => setInPantry(ctx.db, ctx.ownerId, input)),
  setAisle: publicProcedure
    .input(setAisleInput)
    .mutation(({ ctx, input }) => setAisle(ctx.db, ctx.ownerId, input)),
  clearChecked: publicProcedure
    .input(planOnlyInput)
    .mutation(({ ctx, input }) => clearChecked(ctx.db, ctx.ownerId, input.planId)),
  addExtra: publicProcedure
    .input(addExtraInput)
    .mutation(({ ctx, input }) => addExtra(ctx.db, ctx.ownerId, input)),
  removeExtra: publicProcedure
    .input(removeExtraInput)
    .mutation(({ ctx, input }) => removeExtra(ctx.db, ctx.ownerId, input)),
});
