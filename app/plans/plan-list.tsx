"use client";
/** The list of plans with create, rename, duplicate, export, import and delete. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { formatPlanDate } from "@/app/_lib/dates";
import { downloadText, fileNameFor } from "@/app/_lib/download";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/trpc/root";

type Plan = RouterOutputs["plans"]["list"][number];

export function PlanList({ initialPlans }: { initialPlans: Plan[] }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const ids = useId();
  const list = useQuery({ ...trpc.plans.list.queryOptions(), initialData: initialPlans });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.plans.list.queryKey() });

  const [name, setName] = useState("");
  const [days, setDays] = useState("7");
  const [startDate, setStartDate] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string } | null>(null);

  const openPlan = ({ id }: { id: string }) => {
    void invalidate();
    router.push(`/plans/${id}`);
  };
  const create = useMutation(trpc.plans.create.mutationOptions({ onSuccess: openPlan }));
  const importPlan = useMutation(
    trpc.plans.import.mutationOptions({
      onSuccess: openPlan,
      onError: (error) => setMessage({ kind: "error", text: `Import failed: ${error.message}` }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      name: name.trim(),
      dayCount: Number(days),
      startDate: startDate || null,
    });
  }

  async function onImportFile(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setMessage({ kind: "error", text: `Import failed: ${file.name} is not a JSON file.` });
      return;
    }
    importPlan.mutate({ file: parsed as never });
  }

  async function exportPlan(plan: Plan) {
    try {
      const data = await client.plans.export.query({ planId: plan.id });
      downloadText(
        fileNameFor(plan.name, "json"),
        JSON.stringify(data, null, 2),
        "application/json",
      );
    } catch (error) {
      setMessage({ kind: "error", text: `Export failed: ${(error as Error).message}` });
    }
  }

  return (
    <div className="stack">
      <form className="card stack" onSubmit={submit} aria-labelledby={`${ids}-new`}>
        <h2 id={`${ids}-new`} className="card-title">
          New plan
        </h2>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${ids}-name`}>Name</label>
            <input
              id={`${ids}-name`}
              type="text"
              value={name}
              maxLength={199}
              onChange={(event) => setName(event.target.value)}
              placeholder="e.g. Vegan week"
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-days`}>Days</label>
            <select
              id={`${ids}-days`}
              value={days}
              onChange={(event) => setDays(event.target.value)}
            >
              {Array.from({ length: 28 }, (_, index) => index + 1).map((count) => (
                <option key={count} value={count}>
                  {count} day{count === 1 ? "" : "s"}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-start`}>Starts on (optional)</label>
            <input
              id={`${ids}-start`}
              type="date"
              value={startDate}
              onChange={(event) => setStartDate(event.target.value)}
            />
          </div>
        </div>
        {create.isError && (
          <div className="alert error" role="alert">
            Not created: {create.error.message}
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create plan"}
          </button>
          <label className="button secondary file-button">
            Import a plan file…
            <input
              type="file"
              accept="application/json,.json"
              className="sr-only"
              onChange={(event) => {
                void onImportFile(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
          </label>
        </div>
      </form>

      {message && (
        <div
          className={`alert ${message.kind}`}
          role={message.kind === "error" ? "alert" : "status"}
        >
          {message.text}
        </div>
      )}

      <section aria-labelledby={`${ids}-yours`}>
        <h2 id={`${ids}-yours`}>Your plans</h2>
        {list.data.length === 0 ? (
          <p className="muted">No plans yet. Create one above.</p>
        ) : (
          <ul className="plan-list">
            {list.data.map((plan) => (
              <PlanRow
                key={plan.id}
                plan={plan}
                onChanged={invalidate}
                onExport={() => exportPlan(plan)}
                onError={(text) => setMessage({ kind: "error", text })}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PlanRow(props: {
  plan: Plan;
  onChanged: () => void;
  onExport: () => void;
  onError: (text: string) => void;
}) {
  const { plan } = props;
  const trpc = useTRPC();
  const ids = useId();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(plan.name);
  const onError = (error: { message: string }) => props.onError(error.message);
  const rename = useMutation(
    trpc.plans.rename.mutationOptions({
      onSuccess: () => {
        setRenaming(false);
        props.onChanged();
      },
      onError,
    }),
  );
  const duplicate = useMutation(
    trpc.plans.duplicate.mutationOptions({ onSuccess: props.onChanged, onError }),
  );
  const remove = useMutation(
    trpc.plans.delete.mutationOptions({ onSuccess: props.onChanged, onError }),
  );

  const dates = plan.startDate ? `from ${formatPlanDate(plan.startDate)}` : "undated";
  return (
    <li className="card plan-row">
      {renaming ? (
        <form
          className="actions"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ planId: plan.id, name: name.trim() });
          }}
        >
          <label className="sr-only" htmlFor={`${ids}-rename`}>
            New name for {plan.name}
          </label>
          <input
            id={`${ids}-rename`}
            type="text"
            value={name}
            maxLength={199}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" disabled={rename.isPending}>
            Save name
          </button>
          <button type="button" className="secondary" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <Link className="plan-name" href={`/plans/${plan.id}`}>
          {plan.name}
        </Link>
      )}
      <p className="muted small">
        {plan.dayCount} day{plan.dayCount === 1 ? "" : "s"}, {dates} · {plan.entryCount} item
        {plan.entryCount === 1 ? "" : "s"}
      </p>
      {confirming ? (
        <div className="alert warn" role="alertdialog" aria-label={`Delete ${plan.name}?`}>
          <p>Delete “{plan.name}” and everything in it? This cannot be undone.</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              onClick={() => remove.mutate({ planId: plan.id })}
            >
              Yes, delete the plan
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <Link className="button" href={`/plans/${plan.id}`}>
            Open<span className="sr-only"> {plan.name}</span>
          </Link>
          <button type="button" className="secondary" onClick={() => setRenaming(true)}>
            Rename<span className="sr-only"> {plan.name}</span>
          </button>
          <button
            type="button"
            className="secondary"
            disabled={duplicate.isPending}
            onClick={() => duplicate.mutate({ planId: plan.id })}
          >
            Duplicate<span className="sr-only"> {plan.name}</span>
          </button>
          <button type="button" className="secondary" onClick={props.onExport}>
            Export<span className="sr-only"> {plan.name}</span> as JSON
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Delete…<span className="sr-only"> {plan.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
