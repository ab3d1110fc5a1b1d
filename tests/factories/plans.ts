/** Builders for plans and profiles, with a sensible default for every field. */
import type { RouterInputs } from "@/server/trpc/root";
import type { TestDatabase } from "./database";

type Api = ReturnType<TestDatabase["caller"]>;

export function buildProfileInput(
  overrides: Partial<RouterInputs["profile"]["update"]> = {},
): RouterInputs["profile"]["update"] {
  return { ageYears: 35, sex: "female", diet: "vegan", standard: "nih", ...overrides };
}

export async function createPlanWith(
  api: Api,
  overrides: Partial<RouterInputs["plans"]["create"]> = {},
): Promise<string> {
  const { id } = await api.plans.create({ name: "Test week", dayCount: 7, ...overrides });
  return id;
}
