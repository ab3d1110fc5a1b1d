/**
 * `npm run db:setup`: create the database file if needed, migrate it, and import the
 * food database when it is missing or out of date. Run by `npm start` and `npm run dev`.
 */
import { runImport } from "./run-import";

runImport({ force: false });
