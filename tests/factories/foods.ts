/** Builders for food inputs, with a sensible default for every field. */
import type { RouterInputs } from "@/server/trpc/root";

type CustomFoodInput = RouterInputs["foods"]["createCustom"];

/** A fortified oat drink as typed from a current US label: 240 g serving, 25% DV. */
export function buildCustomFoodInput(overrides: Partial<CustomFoodInput> = {}): CustomFoodInput {
  return {
    name: "Test oat drink, fortified",
    servingGrams: 240,
    b12: { percentDailyValue: 25, labelEdition: "current" },
    diet: "vegan",
    fortified: true,
    ...overrides,
  };
}
