/**
 * `npm run test:e2e`: user journeys in Chromium against the production build.
 * Screenshots of every page at desktop and phone width go to screenshots/ (not committed).
 */
import { createServer } from "node:net";
import { absorptionJourneys } from "./absorption.journeys";
import { accountJourneys } from "./accounts.journeys";
import { backupJourneys } from "./backup.journeys";
import { foodJourneys } from "./foods.journeys";
import { runJourneys } from "./harness";
import { httpFuzzJourneys } from "./http-fuzz.journeys";
import { keyboardJourneys } from "./keyboard.journeys";
import { learnJourneys } from "./learn.journeys";
import { OIDC_CLIENT } from "./oidc-provider";
import { planJourneys } from "./plans.journeys";
import { shoppingJourneys } from "./shopping.journeys";

/** The OIDC journey's provider listens here; the app learns it from its environment. */
async function configureOidc(): Promise<void> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
  Object.assign(process.env, {
    OIDC_ISSUER: `http://127.0.0.1:${port}`,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_NAME: "Test SSO",
  });
}

configureOidc()
  .then(() =>
    runJourneys([
      ...foodJourneys,
      ...planJourneys,
      ...absorptionJourneys,
      ...shoppingJourneys,
      ...learnJourneys,
      ...backupJourneys,
      ...keyboardJourneys,
      ...httpFuzzJourneys,
      ...accountJourneys,
    ]),
  )
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
