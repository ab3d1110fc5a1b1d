/** profile.*: the owner's profile and the B12 target it gives. */
import { profileInput } from "../../schemas/profile";
import { getProfile, updateProfile } from "../../services/profile";
import { publicProcedure, router } from "../init";

export const profileRouter = router({
  get: publicProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.ownerId)),
  update: publicProcedure
    .input(profileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.ownerId, input)),
});
