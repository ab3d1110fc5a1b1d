/** plans.*: thin procedures over server/services/plans.ts. */

import { setEatersInput } from "../../schemas/people";
import {
  addEntryInput,
  addToDaysInput,
  copyDayInput,
  copyMealInput,
  createPlanInput,
  importPlanInput,
  moveEntryInput,
  planIdInput,
  planSuggestionsInput,
  planTotalsInput,
  removeEntryInput,
  renamePlanInput,
  restoreEntryInput,
  updateEntryInput,
  updatePlanInput,
} from "../../schemas/plans";
import {
  addRecipeToPlanInput,
  moveDishInput,
  removeDishInput,
  updateDishInput,
} from "../../schemas/recipes";
import {
  addSupplementInput,
  removeSupplementInput,
  updateSupplementInput,
} from "../../schemas/supplements";
import {
  addEntry,
  addRecipeToPlan,
  addToDays,
  copyDay,
  copyMeal,
  createPlanEatenBy,
  deletePlan,
  duplicatePlan,
  exportPlan,
  getEaters,
  getHouseholdPlanTotals,
  getPlan,
  importPlan,
  listPlans,
  moveDish,
  moveEntry,
  removeDish,
  removeEntry,
  restoreEntry,
  setEaters,
  updateDish,
  updateEntry,
  updatePlan,
  withOwnTotals,
} from "../../services/plans";
import { getSuggestions } from "../../services/suggestions";
import { addSupplement, removeSupplement, updateSupplement } from "../../services/supplements";
import { protectedProcedure, router } from "../init";

export const plansRouter = router({
  list: protectedProcedure.query(({ ctx }) => listPlans(ctx.db, ctx.ownerId)),
  get: protectedProcedure
    .input(planIdInput)
    .query(({ ctx, input }) => getPlan(ctx.db, ctx.ownerId, input.planId)),
  create: protectedProcedure
    .input(createPlanInput)
    .mutation(({ ctx, input }) => createPlanEatenBy(ctx.db, ctx.ownerId, input, ctx)),
  rename: protectedProcedure
    .input(renamePlanInput)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.ownerId, input)),
  update: protectedProcedure
    .input(updatePlanInput)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.ownerId, input)),
  duplicate: protectedProcedure
    .input(planIdInput)
    .mutation(({ ctx, input }) => duplicatePlan(ctx.db, ctx.ownerId, input.planId)),
  delete: protectedProcedure
    .input(planIdInput)
    .mutation(({ ctx, input }) => deletePlan(ctx.db, ctx.ownerId, input.planId)),
  export: protectedProcedure
    .input(planIdInput)
    .query(({ ctx, input }) => exportPlan(ctx.db, ctx.ownerId, input.planId)),
  import: protectedProcedure
    .input(importPlanInput)
    .mutation(({ ctx, input }) => importPlan(ctx.db, ctx.ownerId, input.file, ctx)),
  addEntry: protectedProcedure
    .input(addEntryInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await addEntry(ctx.db, ctx.ownerId, input)),
    ),
  addToDays: protectedProcedure
    .input(addToDaysInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await addToDays(ctx.db, ctx.ownerId, input)),
    ),
  updateEntry: protectedProcedure
    .input(updateEntryInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await updateEntry(ctx.db, ctx.ownerId, input)),
    ),
  moveEntry: protectedProcedure
    .input(moveEntryInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await moveEntry(ctx.db, ctx.ownerId, input)),
    ),
  removeEntry: protectedProcedure
    .input(removeEntryInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(
        ctx.db,
        ctx.ownerId,
        ctx,
        await removeEntry(ctx.db, ctx.ownerId, input.entryId),
      ),
    ),
  restoreEntry: protectedProcedure
    .input(restoreEntryInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(
        ctx.db,
        ctx.ownerId,
        ctx,
        await restoreEntry(ctx.db, ctx.ownerId, input.entryId),
      ),
    ),
  copyDay: protectedProcedure
    .input(copyDayInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await copyDay(ctx.db, ctx.ownerId, input)),
    ),
  copyMeal: protectedProcedure
    .input(copyMealInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await copyMeal(ctx.db, ctx.ownerId, input)),
    ),
  addRecipe: protectedProcedure
    .input(addRecipeToPlanInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await addRecipeToPlan(ctx.db, ctx.ownerId, input)),
    ),
  updateDish: protectedProcedure
    .input(updateDishInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await updateDish(ctx.db, ctx.ownerId, input)),
    ),
  moveDish: protectedProcedure
    .input(moveDishInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await moveDish(ctx.db, ctx.ownerId, input)),
    ),
  removeDish: protectedProcedure
    .input(removeDishInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await removeDish(ctx.db, ctx.ownerId, input)),
    ),
  addSupplement: protectedProcedure
    .input(addSupplementInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, await addSupplement(ctx.db, ctx.ownerId, input, ctx)),
    ),
  updateSupplement: protectedProcedure
    .input(updateSupplementInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(
        ctx.db,
        ctx.ownerId,
        ctx,
        await updateSupplement(ctx.db, ctx.ownerId, input, ctx),
      ),
    ),
  removeSupplement: protectedProcedure
    .input(removeSupplementInput)
    .mutation(async ({ ctx, input }) =>
      withOwnTotals(
        ctx.db,
        ctx.ownerId,
        ctx,
        await removeSupplement(ctx.db, ctx.ownerId, input.supplementId),
      ),
    ),
  eaters: protectedProcedure
    .input(planIdInput)
    .query(({ ctx, input }) => getEaters(ctx.db, ctx.ownerId, input.planId, ctx)),
  setEaters: protectedProcedure
    .input(setEatersInput)
    .mutation(({ ctx, input }) => setEaters(ctx.db, ctx.ownerId, input, ctx)),
  suggestions: protectedProcedure.input(planSuggestionsInput).query(({ ctx, input }) =>
    getSuggestions(ctx.db, ctx.ownerId, input.planId, {
      viewer: ctx,
      personId: input.personId,
    }),
  ),
  totals: protectedProcedure.input(planTotalsInput).query(({ ctx, input }) =>
    getHouseholdPlanTotals(ctx.db, ctx.ownerId, input.planId, ctx, {
      personId: input.personId,
      includeEntries: input.includeEntries,
    }),
  ),
});
