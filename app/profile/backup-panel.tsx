"use client";
/**
 * Back up or restore all of your household's data: its people, profile, custom foods, diet
 * corrections, plans with who eats them, their supplements and shopping lists. A restore replaces what is here, so it asks
 * first; the server checks the whole file and changes nothing if any of it is wrong.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { downloadText } from "@/app/_lib/download";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";

export function BackupPanel() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<{ name: string; data: unknown } | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const restore = useMutation(
    trpc.backup.restore.mutationOptions({
      onSuccess: (summary) => {
        setFile(null);
        setMessage({
          kind: "ok",
          text: `Restored: ${summary.plans} plan${summary.plans === 1 ? "" : "s"} (${summary.entries} entries, ${summary.supplements} supplements), ${summary.customFoods} custom food${summary.customFoods === 1 ? "" : "s"}, ${summary.dietOverrides} diet correction${summary.dietOverrides === 1 ? "" : "s"}, ${summary.favoriteFoods} favourite${summary.favoriteFoods === 1 ? "" : "s"}, ${summary.aisleChoices} aisle choice${summary.aisleChoices === 1 ? "" : "s"}, ${summary.people} ${summary.people === 1 ? "person" : "people"}${summary.profile ? " and your profile" : ""}.`,
        });
        void queryClient.invalidateQueries();
      },
      onError: (failure) =>
        setMessage({ kind: "error", text: `Nothing was changed: ${failure.message}` }),
    }),
  );

  const download = async () => {
    setExporting(true);
    setMessage(null);
    try {
      const backup = await client.backup.export.query();
      const date = new Date().toISOString().slice(0, 10);
      downloadText(
        `b12-planner-backup-${date}.json`,
        JSON.stringify(backup, null, 2),
        "application/json",
      );
    } catch (error) {
      setMessage({ kind: "error", text: `Could not make the backup: ${String(error)}` });
    } finally {
      setExporting(false);
    }
  };

  const choose = async (chosen: File | undefined) => {
    setMessage(null);
    setFile(null);
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, data: JSON.parse(await chosen.text()) as unknown });
    } catch {
      setMessage({ kind: "error", text: `${chosen.name} is not a JSON file.` });
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        Your data: back up or restore
      </h2>
      <p className="small">
        One file with your household&apos;s people and profiles, custom foods, diet corrections,
        plans, supplements and shopping lists. Keep it somewhere safe, or move your data to another
        computer. Accounts are not in it: after a move, invite the others again.
      </p>
      <p>
        <button type="button" className="secondary" onClick={download} disabled={exporting}>
          {exporting ? "Preparing…" : "Download a backup"}
        </button>
      </p>
      <label htmlFor={`${id}-file`}>Restore from a backup file</label>
      <input
        id={`${id}-file`}
        type="file"
        accept="application/json,.json"
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      {file && (
        <div className="alert warn" role="alert">
          <p>
            Restoring <strong>{file.name}</strong> replaces everything you have here: your plans,
            custom foods, corrections and profile.
          </p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={restore.isPending}
              onClick={() => restore.mutate({ file: file.data as never })}
            >
              Replace my data with this backup
            </button>
            <button type="button" className="secondary" onClick={() => setFile(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <p className={message.kind === "ok" ? "ok-text" : "alert error"}>{message.text}</p>
        )}
      </div>
    </section>
  );
}
