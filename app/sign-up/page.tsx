/** /sign-up?invitation=…: join a household from an invitation link. */
import type { Metadata } from "next";
import { oidcDisplayName } from "@/server/auth/oidc-config";
import { AccountForm } from "../_components/account-form";
import { OtherSignIn } from "../_components/other-sign-in";

export const metadata: Metadata = { title: "Join a household" };
export const dynamic = "force-dynamic";

export default async function SignUpPage(props: {
  searchParams: Promise<{ invitation?: string }>;
}) {
  const { invitation } = await props.searchParams;
  return (
    <div className="auth-page stack">
      <h1>Join a household</h1>
      {invitation ? (
        <>
          <p className="lede">
            You were invited to plan meals together. Create your account to join.
          </p>
          <AccountForm mode="sign-up" invitationToken={invitation} />
          <OtherSignIn oidcName={oidcDisplayName()} invitationToken={invitation} />
        </>
      ) : (
        <p className="alert info">
          Accounts are made from an invitation link. Ask someone in your household to send you one
          from their Household page.
        </p>
      )}
    </div>
  );
}
