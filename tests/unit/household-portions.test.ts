import { describe, expect, it } from "vitest";
import {
  describeHousehold,
  formatPortionFactor,
  householdPortions,
} from "@/server/domain/household-portions";

const FAMILY = [
  { name: "Ana", portionFactor: 1 },
  { name: "Ben", portionFactor: 1 },
  { name: "Cleo", portionFactor: 0.5 },
];

describe("household portions", () => {
  it("two adults at 1 and a child at 0.5 buy 2.5 times the plan's amounts", () => {
    expect(householdPortions({ eaters: FAMILY, guests: 0, servings: null })).toBe(2.5);
    expect(describeHousehold({ eaters: FAMILY, guests: 0, servings: null })).toBe(
      "for Ana, Ben and Cleo (½)",
    );
  });

  it("guests eat the plan's amounts each", () => {
    expect(householdPortions({ eaters: FAMILY, guests: 1, servings: null })).toBe(3.5);
    expect(describeHousehold({ eaters: FAMILY, guests: 1, servings: null })).toBe(
      "for Ana, Ben and Cleo (½) + 1 guest",
    );
    expect(describeHousehold({ eaters: FAMILY.slice(0, 1), guests: 2, servings: null })).toBe(
      "for Ana + 2 guests",
    );
  });

  it("a number of people set by hand overrides eaters and guests", () => {
    expect(householdPortions({ eaters: FAMILY, guests: 4, servings: 3 })).toBe(3);
    expect(describeHousehold({ eaters: FAMILY, guests: 4, servings: 3 })).toBe("for 3 people");
    expect(describeHousehold({ eaters: FAMILY, guests: 0, servings: 1 })).toBe("for 1 person");
  });

  it("writes portion factors for reading", () => {
    expect(formatPortionFactor(0.5)).toBe("½");
    expect(formatPortionFactor(1.5)).toBe("1½");
    expect(formatPortionFactor(0.75)).toBe("¾");
    expect(formatPortionFactor(2)).toBe("2");
    expect(formatPortionFactor(0.6)).toBe("0.6");
  });
});
