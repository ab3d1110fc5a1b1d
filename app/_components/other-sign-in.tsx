"use client";
/** Sign in with a passkey, or with the configured OpenID Connect provider. */
import { useState } from "react";
import { authClient, safeNext, signInWithOidc } from "../_lib/auth-client";

export function OtherSignIn(props: {
  oidcName: string | null;
  next?: string | null;
  passkey?: boolean;
  invitationToken?: string;
}) {
  const [message, setMessage] = useState<string | null>(null);

  async function withPasskey() {
    setMessage(null);
    const result = await authClient.signIn.passkey();
    if (result?.error) {
      setMessage("That passkey did not sign you in. Try again, or use your password.");
      return;
    }
    window.location.assign(safeNext(props.next));
  }

  async function withOidc() {
    setMessage(null);
    if (props.invitationToken) {
      // The OIDC callback creates the account: it finds the invitation in this cookie.
      // biome-ignore lint/suspicious/noDocumentCookie: one short-lived, non-secret-to-this-browser value; the Cookie Store API is not in every browser.
      document.cookie = `b12-invitation=${encodeURIComponent(props.invitationToken)}; path=/; max-age=900; samesite=lax`;
    }
    const result = await signInWithOidc(safeNext(props.next));
    if (!result.ok) setMessage(result.message);
  }

  if (!props.oidcName && !props.passkey) return null;
  return (
    <div className="stack">
      <div className="actions">
        {props.passkey ? (
          <button type="button" className="secondary" onClick={withPasskey}>
            Sign in with a passkey
          </button>
        ) : null}
        {props.oidcName ? (
          <button type="button" className="secondary" onClick={withOidc}>
            {props.invitationToken ? "Join with" : "Sign in with"} {props.oidcName}
          </button>
        ) : null}
      </div>
      {message ? (
        <p className="alert error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
