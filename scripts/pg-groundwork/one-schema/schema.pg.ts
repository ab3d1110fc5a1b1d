import * as kit from "./kit-pg";
import { defineTables } from "./tables";

export const { plans, planEntries } = defineTables(kit);
