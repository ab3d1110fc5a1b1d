/** households.*: input contracts, with messages that name the field. */
import { z } from "zod";
import { HOUSEHOLD_ROLES } from "../domain/vocabulary";
import { idField } from "./common";

const role = z.enum(HOUSEHOLD_ROLES, { error: "role must be owner, adult or viewer" });

export const renameHouseholdInput = z.strictObject({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(100, "name must be at most 100 characters"),
});

export const createInvitationInput = z.strictObject({ role });

export const invitationIdInput = z.strictObject({ invitationId: idField("invitationId") });

export const setMemberRoleInput = z.strictObject({ userId: idField("userId"), role });

export const memberIdInput = z.strictObject({ userId: idField("userId") });

export const resetPasswordInput = z.strictObject({
  userId: idField("userId"),
  newPassword: z
    .string({ error: "newPassword must be a string" })
    .min(8, "newPassword must be at least 8 characters")
    .max(128, "newPassword must be at most 128 characters"),
});

export const setPasswordSignUpInput = z.strictObject({
  enabled: z.boolean({ error: "enabled must be true or false" }),
});
