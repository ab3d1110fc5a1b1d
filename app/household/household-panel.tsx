"use client";
/**
 * The household's members and open invitations (owners change them), the admin's sign-up
 * switch, a passkey for this account, and signing out here or everywhere.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { authClient, postAuth } from "@/app/_lib/auth-client";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/trpc/root";

type Household = RouterOutputs["households"]["get"];
type Role = Household["members"][number]["role"];
const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  adult: "Adult (plans and edits)",
  viewer: "Viewer (looks only)",
};

export function HouseholdPanel({ initial }: { initial: Household }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const query = useQuery({ ...trpc.households.get.queryOptions(), initialData: initial });
  const household = query.data;
  const isOwner = household.you.role === "owner";
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [inviteRole, setInviteRole] = useState<Role>("adult");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.households.get.queryKey() });
  const onError = (failure: { message: string }) =>
    setMessage({ kind: "error", text: failure.message });

  const invite = useMutation(
    trpc.households.createInvitation.mutationOptions({
      onSuccess: (created) => {
        setLink(`${window.location.origin}/sign-up?invitation=${created.token}`);
        void refresh();
      },
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.households.revokeInvitation.mutationOptions({ onSuccess: refresh, onError }),
  );
  const setRole = useMutation(
    trpc.households.setMemberRole.mutationOptions({ onSuccess: refresh, onError }),
  );
  const remove = useMutation(
    trpc.households.removeMember.mutationOptions({ onSuccess: refresh, onError }),
  );
  const resetPassword = useMutation(
    trpc.households.resetPassword.mutationOptions({
      onSuccess: () =>
        setMessage({ kind: "info", text: "Password changed. They were signed out everywhere." }),
      onError,
    }),
  );
  const signUpSwitch = useMutation(
    trpc.households.setPasswordSignUp.mutationOptions({ onSuccess: refresh, onError }),
  );

  async function addPasskey() {
    setMessage(null);
    const result = await authClient.passkey.addPasskey({ name: "This device" });
    setMessage(
      result?.error
        ? { kind: "error", text: "The passkey was not saved. Try again." }
        : { kind: "info", text: "Passkey saved: you can sign in with it from now on." },
    );
  }

  async function signOut(everywhere: boolean) {
    if (everywhere) await postAuth("/revoke-sessions", {});
    await postAuth("/sign-out", {});
    window.location.assign("/sign-in");
  }

  return (
    <div className="stack">
      {message ? (
        <p className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby={`${id}-members`}>
        <h2 id={`${id}-members`}>Members</h2>
        <ul className="member-list">
          {household.members.map((member) => {
            const you = member.userId === household.you.userId;
            return (
              <li key={member.userId} className="member">
                <div>
                  <strong>{member.name}</strong>
                  {you ? " (you)" : ""} <span className="muted">{member.email}</span>
                </div>
                {isOwner && !you ? (
                  <div className="actions">
                    <label className="sr-only" htmlFor={`${id}-role-${member.userId}`}>
                      Role of {member.name}
                    </label>
                    <select
                      id={`${id}-role-${member.userId}`}
                      value={member.role}
                      onChange={(event) =>
                        setRole.mutate({ userId: member.userId, role: event.target.value as Role })
                      }
                    >
                      {Object.entries(ROLE_LABELS).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        const password = window.prompt(
                          `New password for ${member.name} (at least 8 characters)`,
                        );
                        if (password)
                          resetPassword.mutate({ userId: member.userId, newPassword: password });
                      }}
                    >
                      Reset password
                    </button>
                    <button
                      type="button"
                      className="secondary danger"
                      onClick={() => {
                        if (
                          window.confirm(
                            `Remove ${member.name} from the household? Their account is deleted.`,
                          )
                        )
                          remove.mutate({ userId: member.userId });
                      }}
                    >
                      Remove
                    </button>
                  </div>
                ) : (
                  <div className="muted small">{ROLE_LABELS[member.role]}</div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {isOwner ? (
        <section className="card stack" aria-labelledby={`${id}-invite`}>
          <h2 id={`${id}-invite`}>Invite someone</h2>
          <div className="field">
            <label htmlFor={`${id}-invite-role`}>They join as</label>
            <select
              id={`${id}-invite-role`}
              value={inviteRole}
              onChange={(event) => setInviteRole(event.target.value as Role)}
            >
              {Object.entries(ROLE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button
              type="button"
              onClick={() => invite.mutate({ role: inviteRole })}
              disabled={invite.isPending}
            >
              Make an invitation link
            </button>
          </div>
          {link ? (
            <div className="alert info" role="status">
              <p>Send this link to the person you invite. It works once, for 7 days:</p>
              <p className="invitation-link" data-testid="invitation-link">
                {link}
              </p>
            </div>
          ) : null}
          {household.invitations.length > 0 ? (
            <>
              <h3>Open invitations</h3>
              <ul className="member-list">
                {household.invitations.map((invitation) => (
                  <li key={invitation.id} className="member">
                    <div>
                      {ROLE_LABELS[invitation.role]}, until{" "}
                      {new Date(invitation.expiresAt).toLocaleDateString("en-GB", {
                        dateStyle: "medium",
                      })}
                    </div>
                    <div className="actions">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => revoke.mutate({ invitationId: invitation.id })}
                      >
                        Withdraw
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {household.you.isAdmin ? (
        <section className="card stack" aria-labelledby={`${id}-admin`}>
          <h2 id={`${id}-admin`}>Sign-in settings</h2>
          <label className="choice">
            <input
              type="checkbox"
              checked={household.settings.passwordSignUp}
              onChange={(event) => signUpSwitch.mutate({ enabled: event.target.checked })}
            />
            Invited people may create an account with a password
          </label>
          <p className="field-hint">
            Switch this off when everyone signs in through your single sign-on provider (OIDC).
          </p>
        </section>
      ) : null}

      <section className="card stack" aria-labelledby={`${id}-you`}>
        <h2 id={`${id}-you`}>Your sign-in</h2>
        <div className="actions">
          <button type="button" className="secondary" onClick={addPasskey}>
            Add a passkey
          </button>
          <button type="button" className="secondary" onClick={() => signOut(false)}>
            Sign out
          </button>
          <button type="button" className="secondary danger" onClick={() => signOut(true)}>
            Sign out everywhere
          </button>
        </div>
        <p className="field-hint">
          “Sign out everywhere” ends your sessions on every device, for example a lost phone.
        </p>
      </section>
    </div>
  );
}
