/** plans.*: thin procedures over server/services/plans.ts. */
import {
  addEntryInput,
  addToDaysInput,
  copyDayInput,
  copyMealInput,
  createPlanInput,
  importPlanInput,
  moveEntryInput,
  planIdInput,
  planTotalsInput,
  removeEntryInput,
  renamePlanInput,
  restoreEntryInput,
  updateEntryInput,
  updatePlanInput,
} from "../../schemas/plans";
import {
  addSupplementInput,
  removeSupplementInput,
  updateSupplementInput,
} from "../../schemas/supplements";
import {
  addEntry,
  addToDays,
  copyDay,
  copyMeal,
  createPlan,
  deletePlan,
  duplicatePlan,
  exportPlan,
  getPlan,
  getPlanTotals,
  importPlan,
  listPlans,
  moveEntry,
  removeEntry,
  restoreEntry,
  updateEntry,
  updatePlan,
} from "../../services/plans";
import { getSuggestions } from "../../services/suggestions";
import { addSupplement, removeSupplement, updateSupplement } from "../../services/supplements";
import { publicProcedure, router } from "../init";

export const plansRouter = router({
  list: publicProcedure.query(({ ctx }) => listPlans(ctx.db, ctx.ownerId)),
  get: publicProcedure
    .input(planIdInput)
    .query(({ ctx, input }) => getPlan(ctx.db, ctx.ownerId, input.planId)),
  create: publicProcedure
    .input(createPlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.db, ctx.ownerId, input)),
  rename: publicProcedure
    .input(renamePlanInput)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.ownerId, input)),
  update: publicProcedure
    .input(updatePlanInput)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.ownerId, input)),
  duplicate: publicProcedure
    .input(planIdInput)
    .mutation(({ ctx, input }) => duplicatePlan(ctx.db, ctx.ownerId, input.planId)),
  delete: publicProcedure
    .input(planIdInput)
    .mutation(({ ctx, input }) => deletePlan(ctx.db, ctx.ownerId, input.planId)),
  export: publicProcedure
    .input(planIdInput)
    .query(({ ctx, input }) => exportPlan(ctx.db, ctx.ownerId, input.planId)),
  import: publicProcedure
    .input(importPlanInput)
    .mutation(({ ctx, input }) => importPlan(ctx.db, ctx.ownerId, input.file)),
  addEntry: publicProcedure
    .input(addEntryInput)
    .mutation(({ ctx, input }) => addEntry(ctx.db, ctx.ownerId, input)),
  addToDays: publicProcedure
    .input(addToDaysInput)
    .mutation(({ ctx, input }) => addToDays(ctx.db, ctx.ownerId, input)),
  updateEntry: publicProcedure
    .input(updateEntryInput)
    .mutation(({ ctx, input }) => updateEntry(ctx.db, ctx.ownerId, input)),
  moveEntry: publicProcedure
    .input(moveEntryInput)
    .mutation(({ ctx, input }) => moveEntry(ctx.db, ctx.ownerId, input)),
  removeEntry: publicProcedure
    .input(removeEntryInput)
    .mutation(({ ctx, input }) => removeEntry(ctx.db, ctx.ownerId, input.entryId)),
  restoreEntry: publicProcedure
    .input(restoreEntryInput)
    .mutation(({ ctx, input }) => restoreEntry(ctx.db, ctx.ownerId, input.entryId)),
  copyDay: publicProcedure
    .input(copyDayInput)
    .mutation(({ ctx, input }) => copyDay(ctx.db, ctx.ownerId, input)),
  copyMeal: publicProcedure
    .input(copyMealInput)
    .mutation(({ ctx, input }) => copyMeal(ctx.db, ctx.ownerId, input)),
  addSupplement: publicProcedure
    .input(addSupplementInput)
    .mutation(({ ctx, input }) => addSupplement(ctx.db, ctx.ownerId, input)),
  updateSupplement: publicProcedure
    .input(updateSupplementInput)
    .mutation(({ ctx, input }) => updateSupplement(ctx.db, ctx.ownerId, input)),
  removeSupplement: publicProcedure
    .input(removeSupplementInput)
    .mutation(({ ctx, input }) => removeSupplement(ctx.db, ctx.ownerId, input.supplementId)),
  suggestions: publicProcedure
    .input(planIdInput)
    .query(({ ctx, input }) => getSuggestions(ctx.db, ctx.ownerId, input.planId)),
  totals: publicProcedure
    .input(planTotalsInput)
    .query(({ ctx, input }) =>
      getPlanTotals(ctx.db, ctx.ownerId, input.planId, { includeEntries: input.includeEntries }),
    ),
});
