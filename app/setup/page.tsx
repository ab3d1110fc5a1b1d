/**
 * /setup: the first account, before anyone else can use the app. It becomes the admin and
 * takes over everything already in the database.
 */
import type { Metadata } from "next";
import { AccountForm } from "../_components/account-form";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default function SetupPage() {
  return (
    <div className="auth-page stack">
      <h1>Create the first account</h1>
      <p className="lede">
        This account becomes the household's admin: it can invite the people you live with and
        choose how they sign in. Plans, foods and the profile already saved on this server become
        this account's.
      </p>
      <AccountForm mode="setup" askSetupCode />
    </div>
  );
}
