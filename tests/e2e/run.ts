/**
 * `npm run test:e2e`: user journeys in Chromium against the production build.
 * Screenshots of every page at desktop and phone width go to screenshots/ (not committed).
 */
import { absorptionJourneys } from "./absorption.journeys";
import { accountJourneys } from "./accounts.journeys";
import { backupJourneys } from "./backup.journeys";
import { foodJourneys } from "./foods.journeys";
import { freePort, runJourneys } from "./harness";
import { httpFuzzJourneys } from "./http-fuzz.journeys";
import { keyboardJourneys } from "./keyboard.journeys";
import { learnJourneys } from "./learn.journeys";
import { offlineJourneys } from "./offline.journeys";
import { OIDC_CLIENT, startOidcProvider } from "./oidc-provider";
import { peopleJourneys } from "./people.journeys";
import { planJourneys } from "./plans.journeys";
import { quickEntryJourneys } from "./quick-entry.journeys";
import { recipeJourneys } from "./recipes.journeys";
import { securityJourneys } from "./security.journeys";
import { shoppingJourneys } from "./shopping.journeys";
import { verdictJourneys } from "./verdict.journeys";

/**
 * The OIDC journey's provider (a real oidc-provider) starts before the app, which reads
 * its issuer from the environment and fetches its discovery document on first use.
 */
async function startOidc(): Promise<() => Promise<void>> {
  const [appPort, providerPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${providerPort}`;
  Object.assign(process.env, {
    E2E_APP_PORT: String(appPort),
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_NAME: "Test SSO",
  });
  return startOidcProvider(issuer, `http://127.0.0.1:${appPort}`);
}

startOidc()
  .then(async (stopOidc) => {
    await runJourneys([
      ...foodJourneys,
      ...planJourneys,
      ...quickEntryJourneys,
      ...absorptionJourneys,
      ...verdictJourneys,
      ...shoppingJourneys,
      ...offlineJourneys,
      ...recipeJourneys,
      ...learnJourneys,
      ...backupJourneys,
      ...keyboardJourneys,
      ...httpFuzzJourneys,
      ...securityJourneys,
      ...accountJourneys,
      ...peopleJourneys,
    ]).finally(stopOidc);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
