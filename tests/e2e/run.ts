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
import { planJourneys } from "./plans.journeys";
import { shoppingJourneys } from "./shopping.journeys";
import { verdictJourneys } from "./verdict.journeys";

runJourneys([
  ...foodJourneys,
  ...planJourneys,
  ...absorptionJourneys,
  ...verdictJourneys,
  ...shoppingJourneys,
  ...learnJourneys,
  ...backupJourneys,
  ...keyboardJourneys,
  ...httpFuzzJourneys,
]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
