/**
 * Sign-in with any OpenID Connect provider (Authentik, Authelia, Keycloak, Pocket ID …),
 * configured by environment variables:
 *
 *   OIDC_ISSUER          https://auth.example.org/application/o/b12/  (the issuer URL)
 *   OIDC_CLIENT_ID       the client id registered at the provider
 *   OIDC_CLIENT_SECRET   its secret
 *   OIDC_NAME            what the sign-in button says ("Authentik"); default "single sign-on"
 *
 * The redirect URI to register at the provider is <app URL>/api/auth/callback/oidc.
 */
import type { GenericOAuthConfig } from "better-auth/plugins/generic-oauth";

export const OIDC_PROVIDER_ID = "oidc";

export function oidcConfigFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): GenericOAuthConfig | null {
  const issuer = environment.OIDC_ISSUER?.trim();
  const clientId = environment.OIDC_CLIENT_ID?.trim();
  const clientSecret = environment.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    providerId: OIDC_PROVIDER_ID,
    discoveryUrl: `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    scopes: ["openid", "email", "profile"],
    pkce: true,
  };
}

/** The sign-in button's label, or null when no provider is configured. */
export function oidcDisplayName(environment: NodeJS.ProcessEnv = process.env): string | null {
  if (!oidcConfigFromEnvironment(environment)) return null;
  return environment.OIDC_NAME?.trim() || "single sign-on";
}
