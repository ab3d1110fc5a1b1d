"use client";
/**
 * The one email + password form: sign in, create the first account (/setup), or join a
 * household from an invitation (/sign-up). Errors are placed next to the field they
 * concern; success reloads into the app so every page sees the new session.
 */
import { type FormEvent, useId, useState } from "react";
import { type AuthResult, postAuth, safeNext } from "../_lib/auth-client";

type Mode = "sign-in" | "setup" | "sign-up";

export function AccountForm(props: {
  mode: Mode;
  next?: string | null;
  invitationToken?: string;
  askSetupCode?: boolean;
}) {
  const id = useId();
  const [error, setError] = useState<Extract<AuthResult, { ok: false }> | null>(null);
  const [busy, setBusy] = useState(false);
  const creating = props.mode !== "sign-in";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    setBusy(true);
    setError(null);
    const headers: Record<string, string> = {};
    if (props.invitationToken) headers["x-invitation-token"] = props.invitationToken;
    if (value("setupCode")) headers["x-setup-code"] = value("setupCode");
    const password = String(form.get("password") ?? "");
    const result = creating
      ? await postAuth(
          "/sign-up/email",
          { name: value("name"), email: value("email"), password },
          headers,
        )
      : await postAuth("/sign-in/email", { email: value("email"), password, rememberMe: true });
    if (result.ok) {
      window.location.assign(safeNext(props.next));
      return;
    }
    setBusy(false);
    setError(result);
  }

  const fieldError = (field: string) =>
    error?.field === field ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {error.message}
      </p>
    ) : null;
  const describedBy = (field: string) =>
    error?.field === field ? `${id}-${field}-error` : undefined;

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      {creating ? (
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input id={`${id}-name`} name="name" type="text" autoComplete="name" required />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete={creating ? "email" : "username webauthn"}
          required
          aria-invalid={error?.field === "email" || undefined}
          aria-describedby={describedBy("email")}
        />
        {fieldError("email")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete={creating ? "new-password" : "current-password"}
          minLength={creating ? 8 : undefined}
          required
          aria-invalid={error?.field === "password" || undefined}
          aria-describedby={
            describedBy("password") ?? (creating ? `${id}-password-hint` : undefined)
          }
        />
        {creating ? (
          <p className="field-hint" id={`${id}-password-hint`}>
            At least 8 characters.
          </p>
        ) : null}
        {fieldError("password")}
      </div>
      {props.askSetupCode ? (
        <div className="field">
          <label htmlFor={`${id}-setup`}>Setup code</label>
          <input
            id={`${id}-setup`}
            name="setupCode"
            type="text"
            autoComplete="off"
            aria-describedby={`${id}-setup-hint`}
          />
          <p className="field-hint" id={`${id}-setup-hint`}>
            Printed by <code>npm start</code> on the server. Not needed when you open the app on the
            server itself (localhost).
          </p>
        </div>
      ) : null}
      {error && error.field === null ? (
        <p className="alert error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {props.mode === "sign-in"
            ? "Sign in"
            : props.mode === "setup"
              ? "Create the first account"
              : "Create my account"}
        </button>
      </div>
    </form>
  );
}
