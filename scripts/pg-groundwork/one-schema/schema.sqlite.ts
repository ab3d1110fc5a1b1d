import type * as PgKit from "./kit-pg";
import * as kit from "./kit-sqlite";
import { defineTables } from "./tables";

export const { plans, planEntries } = defineTables(kit as unknown as typeof PgKit);
