/** people.*: the household's people and their profiles (thin over server/services/people.ts). */
import { createPersonInput, personIdInput, updatePersonInput } from "../../schemas/people";
import { createPerson, deletePerson, listPeople, updatePerson } from "../../services/people";
import { protectedProcedure, router } from "../init";

export const peopleRouter = router({
  list: protectedProcedure.query(({ ctx }) =>
    listPeople(ctx.db, ctx.ownerId, ctx.accountId, ctx.role),
  ),
  create: protectedProcedure
    .input(createPersonInput)
    .mutation(({ ctx, input }) =>
      createPerson(ctx.db, ctx.ownerId, ctx.accountId, ctx.role, input),
    ),
  update: protectedProcedure
    .input(updatePersonInput)
    .mutation(({ ctx, input }) => updatePerson(ctx.db, ctx.ownerId, ctx.accountId, input)),
  delete: protectedProcedure
    .input(personIdInput)
    .mutation(({ ctx, input }) => deletePerson(ctx.db, ctx.ownerId, input.personId)),
});
