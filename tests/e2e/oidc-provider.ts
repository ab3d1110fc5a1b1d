/**
 * A real OpenID Connect provider for the OIDC journey (the `oidc-provider` package, with
 * its built-in development login and consent pages: any login name and password is
 * accepted, and the login name becomes the account). Started by the test itself.
 */
import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "b12-planner", secret: "a-test-client-secret-of-enough-length" };

export function oidcEmailFor(login: string): string {
  return `${login}@sso.example.org`;
}

/** Starts the provider at `issuer` (http://127.0.0.1:<port>) for the app at `appUrl`. */
export async function startOidcProvider(
  issuer: string,
  appUrl: string,
): Promise<() => Promise<void>> {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_context, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: oidcEmailFor(id),
        email_verified: true,
        name: `${id[0]?.toUpperCase() ?? ""}${id.slice(1)}`,
      }),
    }),
    features: { devInteractions: { enabled: true } },
    // The development pages are served over plain HTTP on 127.0.0.1.
    cookies: { keys: ["a-test-cookie-key"] },
  });
  const port = Number(new URL(issuer).port);
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return () => new Promise((resolve) => server.close(() => resolve()));
}
