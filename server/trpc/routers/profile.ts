/** profile.*: the owner's profile and the B12 target it gives. */
import { profileInput } from "../../schemas/profile";
import { getProfile, updateProfile } from "../../services/profile";
import { protectedProcedure, router } from "../init";

export const profileRouter = router({
  get: protectedProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.ownerId)),
  update: protectedProcedure
    .input(profileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.ownerId, input)),
});
