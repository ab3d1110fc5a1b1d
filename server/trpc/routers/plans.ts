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
import { addRecipeToPlanInput, removeDishInput, updateDishInput } from "../../schemas/recipes";
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
    .mutation(({ ctx, input }) => importPlan(ctx.db, ctx.ownerId, input.file)),
  addEntry: protectedProcedure
    .input(addEntryInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, addEntry(ctx.db, ctx.ownerId, input)),
    ),
  addToDays: protectedProcedure
    .input(addToDaysInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, addToDays(ctx.db, ctx.ownerId, input)),
    ),
  updateEntry: protectedProcedure
    .input(updateEntryInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, updateEntry(ctx.db, ctx.ownerId, input)),
    ),
  moveEntry: protectedProcedure
    .input(moveEntryInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, moveEntry(ctx.db, ctx.ownerId, input)),
    ),
  removeEntry: protectedProcedure
    .input(removeEntryInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, removeEntry(ctx.db, ctx.ownerId, input.entryId)),
    ),
  restoreEntry: protectedProcedure
    .input(restoreEntryInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, restoreEntry(ctx.db, ctx.ownerId, input.entryId)),
    ),
  copyDay: protectedProcedure
    .input(copyDayInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, copyDay(ctx.db, ctx.ownerId, input)),
    ),
  copyMeal: protectedProcedure
    .input(copyMealInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, copyMeal(ctx.db, ctx.ownerId, input)),
    ),
  addRecipe: protectedProcedure
    .input(addRecipeToPlanInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, addRecipeToPlan(ctx.db, ctx.ownerId, input)),
    ),
  updateDish: protectedProcedure
    .input(updateDishInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, updateDish(ctx.db, ctx.ownerId, input)),
    ),
  removeDish: protectedProcedure
    .input(removeDishInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, removeDish(ctx.db, ctx.ownerId, input)),
    ),
  addSupplement: protectedProcedure
    .input(addSupplementInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, addSupplement(ctx.db, ctx.ownerId, input)),
    ),
  updateSupplement: protectedProcedure
    .input(updateSupplementInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(ctx.db, ctx.ownerId, ctx, updateSupplement(ctx.db, ctx.ownerId, input)),
    ),
  removeSupplement: protectedProcedure
    .input(removeSupplementInput)
    .mutation(({ ctx, input }) =>
      withOwnTotals(
        ctx.db,
        ctx.ownerId,
        ctx,
        removeSupplement(ctx.db, ctx.ownerId, input.supplementId),
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
