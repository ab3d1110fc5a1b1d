/** /sign-in: email + password, a passkey, or the configured OpenID Connect provider. */
import type { Metadata } from "next";
import { oidcDisplayName } from "@/server/auth/oidc-config";
import { AccountForm } from "../_components/account-form";
import { OtherSignIn } from "../_components/other-sign-in";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage(props: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  const { next, error } = await props.searchParams;
  return (
    <div className="auth-page stack">
      <h1>Sign in</h1>
      <p className="lede">Sign in to see your household's plans.</p>
      {error ? (
        <p className="alert error" role="alert">
          Single sign-on did not work ({error.replaceAll("_", " ")}). You may need an invitation
          link first.
        </p>
      ) : null}
      <AccountForm mode="sign-in" next={next} />
      <OtherSignIn oidcName={oidcDisplayName()} next={next} passkey />
      <p className="muted small">New here? Ask someone in your household for an invitation link.</p>
    </div>
  );
}
