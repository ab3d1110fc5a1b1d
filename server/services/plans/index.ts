/**
 * Meal plans: plans, their entries, copying days, totals, supplements and the plan file
 * format, one file per concern. Every write checks ownership and input against the stored
 * plan first, then runs in one transaction, so a failed edit changes nothing.
 */
export * from "./access";
export * from "./crud";
export * from "./dishes";
export * from "./eaters";
export * from "./entries";
export * from "./files";
export * from "./people-totals";
export * from "./plan-supplements";
export * from "./removed-entries";
export * from "./totals";
