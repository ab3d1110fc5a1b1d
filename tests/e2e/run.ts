/**
 * `npm run test:e2e`: user journeys in Chromium against the production build.
 * Screenshots of every page at desktop and phone width go to screenshots/ (not committed).
 */
import { absorptionJourneys } from "./absorption.journeys";
import { backupJourneys } from "./backup.journeys";
import { foodJourneys } from "./foods.journeys";
import { runJourneys } from "./harness";
import { httpFuzzJourneys } from "./http-fuzz.journeys";
import { keyboardJourneys } from "./keyboard.journeys";
import { learnJourneys } from "./learn.journeys";
import { offlineJourneys } from "./offline.journeys";
import { planJourneys } from "./plans.journeys";
import { quickEntryJourneys } from "./quick-entry.journeys";
import { securityJourneys } from "./security.journeys";
import { shoppingJourneys } from "./shopping.journeys";

runJourneys([
  ...foodJourneys,
  ...planJourneys,
  ...quickEntryJourneys,
  ...absorptionJourneys,
  ...shoppingJourneys,
  ...offlineJourneys,
  ...learnJourneys,
  ...backupJourneys,
  ...keyboardJourneys,
  ...httpFuzzJourneys,
  ...securityJourneys,
]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
