/** profile.*: the signed-in account's own person's profile and the B12 target it gives. */
import { profileInput } from "../../schemas/profile";
import { getOwnProfile, updateOwnProfile } from "../../services/people";
import { protectedProcedure, router } from "../init";

export const profileRouter = router({
  get: protectedProcedure.query(({ ctx }) =>
    getOwnProfile(ctx.db, ctx.ownerId, ctx.accountId, ctx.role),
  ),
  update: protectedProcedure
    .input(profileInput)
    .mutation(({ ctx, input }) =>
      updateOwnProfile(ctx.db, ctx.ownerId, ctx.accountId, ctx.role, input),
    ),
});
