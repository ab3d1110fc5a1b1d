/**
 * `npm run db:seed`: (re-)import the USDA SR28 food database and the curated foods,
 * showing progress and a summary. Idempotent: user data is kept.
 */
import { runImport } from "./run-import";

runImport({ force: true });
