/**
 * Accounts in Chromium: signed-out visitors are sent to sign in; an admin invites a
 * partner who joins the household; "sign out everywhere" ends the other devices' sessions;
 * a passkey (Chromium's virtual authenticator, through CDP) is registered and signs in;
 * sign-in through a real OpenID Connect provider started by the test (tests/e2e/oidc-provider.ts).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ADMIN, assert, callMutation, type Journey, open, screenshot, VIEWPORTS } from "./harness";
import { oidcEmailFor } from "./oidc-provider";

/** A browser context with no session at all (the harness signs new contexts in). */
async function signedOutContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  await context.clearCookies();
  return context;
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function waitForPath(page: Page, pathname: string) {
  await page.waitForURL((url) => url.pathname === pathname, {
    timeout: 30_000,
    waitUntil: "commit",
  });
}

async function inviteLink(baseUrl: string, role: "adult" | "viewer" | "owner"): Promise<string> {
  const invitation = (await callMutation(baseUrl, "households.createInvitation", { role })) as {
    token: string;
  };
  return `${baseUrl}/sign-up?invitation=${invitation.token}`;
}

export const accountJourneys: Journey[] = [
  {
    name: "accounts: a signed-out visitor is sent to sign in, and back to the page after",
    run: async ({ browser, baseUrl }) => {
      const context = await signedOutContext(browser);
      const page = await context.newPage();
      await open(page, `${baseUrl}/plans`);
      await waitForPath(page, "/sign-in");
      assert(page.url().includes("next=%2Fplans"), `no way back to /plans in ${page.url()}`);
      // The API answers 401 without a session.
      const api = await page.request.get(`${baseUrl}/api/trpc/plans.list`);
      assert(api.status() === 401, `plans.list without a session: HTTP ${api.status()}`);
      await signIn(page, ADMIN.email, "not the password");
      await page.getByText("That email and password do not match.").waitFor();
      await screenshot(page, "sign-in-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "sign-in-phone");
      await page.setViewportSize(VIEWPORTS.desktop);
      await signIn(page, ADMIN.email, ADMIN.password);
      await waitForPath(page, "/plans");
      await page.getByRole("heading", { level: 1, name: /plans/i }).waitFor();
      await context.close();
    },
  },
  {
    name: "accounts: the admin invites a partner, who joins the household and sees its plans",
    run: async ({ browser, baseUrl }) => {
      await callMutation(baseUrl, "plans.create", { name: "Our shared week", dayCount: 7 });
      const admin = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await open(admin, `${baseUrl}/household`);
      await admin.getByLabel("They join as").selectOption("adult");
      await admin.getByRole("button", { name: "Make an invitation link" }).click();
      const link = (await admin.getByTestId("invitation-link").textContent())?.trim() ?? "";
      assert(link.includes("/sign-up?invitation="), `no invitation link: ${link}`);
      await screenshot(admin, "household-desktop");
      await admin.setViewportSize(VIEWPORTS.phone);
      await screenshot(admin, "household-phone");

      const context = await signedOutContext(browser);
      const partner = await context.newPage();
      await open(partner, link);
      await partner.getByLabel("Your name").fill("Pat");
      await partner.getByLabel("Email").fill("pat@example.org");
      await partner.getByLabel("Password").fill("pat's long password");
      await screenshot(partner, "sign-up-desktop");
      await partner.getByRole("button", { name: "Create my account" }).click();
      await waitForPath(partner, "/");
      await open(partner, `${baseUrl}/plans`);
      await partner.getByRole("link", { name: "Our shared week", exact: true }).waitFor();
      await open(partner, `${baseUrl}/household`);
      await partner.getByText("pat@example.org").waitFor();
      await partner.getByText("admin@example.org").waitFor();
      // An adult does not invite: that is the owner's.
      assert(
        (await partner.getByRole("button", { name: "Make an invitation link" }).count()) === 0,
        "an adult member was offered invitations",
      );
      // The link worked once.
      const again = await signedOutContext(browser);
      const late = await again.newPage();
      await open(late, link);
      await late.getByLabel("Your name").fill("Late");
      await late.getByLabel("Email").fill("late@example.org");
      await late.getByLabel("Password").fill("another long password");
      await late.getByRole("button", { name: "Create my account" }).click();
      await late.getByText(/invitation link has been used|need an invitation/).waitFor();
      await Promise.all([context.close(), again.close(), admin.close()]);
    },
  },
  {
    name: "accounts: sign out everywhere ends the session on every device",
    run: async ({ browser, baseUrl }) => {
      const link = await inviteLink(baseUrl, "viewer");
      const laptop = await signedOutContext(browser);
      const first = await laptop.newPage();
      await open(first, link);
      await first.getByLabel("Your name").fill("Sam");
      await first.getByLabel("Email").fill("sam@example.org");
      await first.getByLabel("Password").fill("sam's long password");
      await first.getByRole("button", { name: "Create my account" }).click();
      await waitForPath(first, "/");
      const phone = await signedOutContext(browser);
      const second = await phone.newPage();
      await open(second, `${baseUrl}/sign-in`);
      await signIn(second, "sam@example.org", "sam's long password");
      await waitForPath(second, "/");

      await open(first, `${baseUrl}/household`);
      await first.getByRole("button", { name: "Sign out everywhere" }).click();
      await waitForPath(first, "/sign-in");
      await open(second, `${baseUrl}/plans`);
      await waitForPath(second, "/sign-in");
      await Promise.all([laptop.close(), phone.close()]);
    },
  },
  {
    name: "accounts: a passkey is registered and then signs in (virtual authenticator)",
    run: async ({ browser, baseUrl }) => {
      // WebAuthn needs a domain name, not an IP address: use localhost for this journey.
      const origin = baseUrl.replace("127.0.0.1", "localhost");
      const context = await signedOutContext(browser);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("WebAuthn.enable");
      await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: {
          protocol: "ctap2",
          transport: "internal",
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
      await open(page, `${origin}/sign-in`);
      await signIn(page, ADMIN.email, ADMIN.password);
      await waitForPath(page, "/");
      await open(page, `${origin}/household`);
      await page.getByRole("button", { name: "Add a passkey" }).click();
      await page.getByText("Passkey saved").waitFor();
      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await waitForPath(page, "/sign-in");
      await page.getByRole("button", { name: "Sign in with a passkey" }).click();
      await waitForPath(page, "/");
      await open(page, `${origin}/household`);
      await page.getByText("admin@example.org").waitFor();
      await context.close();
    },
  },
  {
    name: "accounts: an invited person joins through the OpenID Connect provider",
    run: async ({ browser, baseUrl }) => {
      {
        const link = await inviteLink(baseUrl, "adult");
        const context = await signedOutContext(browser);
        const page = await context.newPage();
        await open(page, link);
        await page.getByRole("button", { name: "Join with Test SSO" }).click();
        await page.locator('input[name="login"]').fill("olivia");
        await page.locator('input[name="password"]').fill("anything");
        await page.getByRole("button", { name: "Sign-in" }).click();
        await page.getByRole("button", { name: "Continue" }).click();
        await waitForPath(page, "/");
        await open(page, `${baseUrl}/household`);
        await page.getByText(oidcEmailFor("olivia")).waitFor();
        // Signing in again later goes straight through the provider (no invitation needed).
        await page.getByRole("button", { name: "Sign out", exact: true }).click();
        await waitForPath(page, "/sign-in");
        await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
        await page
          .getByRole("button", { name: "Continue" })
          .click({ timeout: 5000 })
          .catch(() => undefined);
        await waitForPath(page, "/");
        await context.close();
      }
    },
  },
];
