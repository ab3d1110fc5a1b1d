/**
 * households.*: the signed-in account's household, its members and invitations, and the
 * admin's settings. Everyone in the household may read it; only owners change it.
 */
import {
  createInvitationInput,
  invitationIdInput,
  memberIdInput,
  renameHouseholdInput,
  resetPasswordInput,
  setMemberRoleInput,
  setPasswordSignUpInput,
} from "../../schemas/households";
import {
  createInvitation,
  getHousehold,
  removeMember,
  renameHousehold,
  revokeInvitation,
  setMemberPassword,
  setMemberRole,
  setPasswordSignUp,
} from "../../services/households";
import {
  householdOwnerProcedure,
  LOCAL_OWNER_ID,
  protectedProcedure,
  router,
  siteAdminProcedure,
} from "../init";

export const householdsRouter = router({
  /** The household, its members, open invitations and settings, and who is asking. */
  get: protectedProcedure.query(async ({ ctx }) => ({
    ...(await getHousehold(ctx.db, ctx.ownerId)),
    you: {
      userId: ctx.accountId,
      role: ctx.role,
      isAdmin: ctx.ownerId === LOCAL_OWNER_ID && ctx.role === "owner",
    },
  })),
  rename: householdOwnerProcedure.input(renameHouseholdInput).mutation(async ({ ctx, input }) => {
    await renameHousehold(ctx.db, ctx.ownerId, input.name);
    return await getHousehold(ctx.db, ctx.ownerId);
  }),
  /** A new invitation link's token (shown once): /sign-up?invitation=<token>. */
  createInvitation: householdOwnerProcedure
    .input(createInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.ownerId, ctx.accountId, input.role)),
  revokeInvitation: householdOwnerProcedure
    .input(invitationIdInput)
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, ctx.ownerId, input.invitationId);
      return { ok: true as const };
    }),
  setMemberRole: householdOwnerProcedure
    .input(setMemberRoleInput)
    .mutation(async ({ ctx, input }) => {
      await setMemberRole(ctx.db, ctx.ownerId, input.userId, input.role);
      return getHousehold(ctx.db, ctx.ownerId);
    }),
  removeMember: householdOwnerProcedure.input(memberIdInput).mutation(async ({ ctx, input }) => {
    await removeMember(ctx.db, ctx.ownerId, input.userId);
    return getHousehold(ctx.db, ctx.ownerId);
  }),
  /** Sets a member's password and signs them out everywhere. */
  resetPassword: householdOwnerProcedure
    .input(resetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      const { hashPassword } = await import("better-auth/crypto");
      const passwordHash = await hashPassword(input.newPassword);
      await setMemberPassword(ctx.db, ctx.ownerId, input.userId, passwordHash);
      return { ok: true as const };
    }),
  /** Lets invited people sign up with a password (on), or only through OIDC (off). */
  setPasswordSignUp: siteAdminProcedure
    .input(setPasswordSignUpInput)
    .mutation(async ({ ctx, input }) => {
      await setPasswordSignUp(ctx.db, input.enabled);
      return (await getHousehold(ctx.db, ctx.ownerId)).settings;
    }),
});
