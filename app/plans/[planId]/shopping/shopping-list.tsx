"use client";
/**
 * The shopping list page: a plan's foods merged per aisle for the household, with ticks
 * (saved on the server, queued in localStorage when offline), "already have", extras,
 * exports (CSV, Markdown, copy, share) and a print view. Every quantity comes from the
 * server's shopping.list; this only shows it.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { planDayLabel } from "@/app/_lib/dates";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import { renderShoppingMarkdown } from "@/server/domain/shopping-export";
import type { RouterOutputs } from "@/server/trpc/root";
import { applyQueue, enqueue, loadQueue, type QueuedMark, saveQueue } from "./offline-queue";
import styles from "./shopping.module.css";

type List = RouterOutputs["shopping"]["list"];
type Line = List["aisles"][number]["lines"][number];

type SyncStatus = "idle" | "offline" | "syncing" | "synced";

const SERVING_CHOICES = Array.from({ length: 20 }, (_, index) => index + 1);

const MEAL_NAMES = { breakfast: "Breakfast", lunch: "Lunch", dinner: "Dinner", snack: "Snack" };

/** A failure with no answer from the server (no connection), as opposed to a refusal. */
function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== "undefined" && !navigator.onLine) return true;
  const data = (error as { data?: unknown } | null)?.data;
  return data === undefined || data === null;
}

export function ShoppingList({ initialList }: { initialList: List }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const ids = useId();
  const planId = initialList.plan.id;
  const listKey = useMemo(() => trpc.shopping.list.queryKey({ planId }), [trpc, planId]);
  const list = useQuery({
    ...trpc.shopping.list.queryOptions({ planId }),
    initialData: initialList,
  }).data;

  const [queue, setQueue] = useState<QueuedMark[]>([]);
  const queueRef = useRef<QueuedMark[]>([]);
  const [sync, setSync] = useState<SyncStatus>("idle");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [extraText, setExtraText] = useState("");
  const [canShare, setCanShare] = useState(false);

  const updateQueue = useCallback(
    (next: QueuedMark[]) => {
      queueRef.current = next;
      setQueue(next);
      saveQueue(planId, next);
    },
    [planId],
  );

  const showList = useCallback(
    (next: List) => {
      setError(null);
      queryClient.setQueryData(listKey, next);
    },
    [queryClient, listKey],
  );
  const onError = (failure: { message: string }) => setError(failure.message);

  const sendMark = useCallback(
    (mark: QueuedMark) =>
      mark.field === "checked"
        ? client.shopping.setChecked.mutate({ planId, itemKey: mark.itemKey, checked: mark.value })
        : client.shopping.setInPantry.mutate({
            planId,
            itemKey: mark.itemKey,
            inPantry: mark.value,
          }),
    [client, planId],
  );

  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const replayRef = useRef<() => Promise<void>>(async () => {});

  /**
   * Sends queued marks in order; stops at the first network failure and, if the browser
   * says it is online (the connection may still be coming back), tries again shortly.
   */
  const replay = useCallback(async () => {
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    if (queueRef.current.length === 0) return;
    setSync("syncing");
    for (const mark of [...queueRef.current]) {
      try {
        await sendMark(mark);
      } catch (failure) {
        if (isNetworkFailure(failure)) {
          setSync("offline");
          if (navigator.onLine) {
            retryTimer.current = setTimeout(() => void replayRef.current(), 2000);
          }
          return;
        }
        // Refused (the item left the plan): drop it.
      }
      updateQueue(queueRef.current.filter((item) => item !== mark));
    }
    setSync("synced");
    await queryClient.invalidateQueries({ queryKey: listKey });
  }, [sendMark, updateQueue, queryClient, listKey]);

  replayRef.current = replay;

  useEffect(() => {
    const stored = loadQueue(planId);
    queueRef.current = stored;
    setQueue(stored);
    if (stored.length > 0) {
      setSync(navigator.onLine ? "syncing" : "offline");
      if (navigator.onLine) void replay();
    }
    setCanShare(typeof navigator.share === "function");
    const onOnline = () => void replay();
    const onOffline = () =>
      setSync((current) => (queueRef.current.length > 0 ? "offline" : current));
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [planId, replay]);

  /** Shows the change at once, saves it, and queues it when there is no connection. */
  const mark = async (item: QueuedMark) => {
    setError(null);
    const optimistic = enqueue(queueRef.current, item);
    updateQueue(optimistic);
    if (!navigator.onLine) {
      setSync("offline");
      return;
    }
    try {
      await sendMark(item);
      updateQueue(queueRef.current.filter((queued) => queued !== item));
      queryClient.setQueryData(listKey, (current: List | undefined) =>
        current ? withMark(current, item) : current,
      );
      if (queueRef.current.length === 0)
        setSync((current) => (current === "idle" ? current : "synced"));
    } catch (failure) {
      if (isNetworkFailure(failure)) {
        setSync("offline");
        return;
      }
      updateQueue(queueRef.current.filter((queued) => queued !== item));
      setError(failure instanceof Error ? failure.message : "Could not save that change.");
    }
  };

  const setPreferences = useMutation(
    trpc.shopping.setPreferences.mutationOptions({ onSuccess: showList, onError }),
  );
  const clearChecked = useMutation(
    trpc.shopping.clearChecked.mutationOptions({
      onSuccess: (next) => {
        updateQueue(queueRef.current.filter((item) => item.field !== "checked"));
        showList(next);
        setMessage("Ticks cleared.");
      },
      onError,
    }),
  );
  const addExtra = useMutation(
    trpc.shopping.addExtra.mutationOptions({
      onSuccess: (next) => {
        showList(next);
        setExtraText("");
      },
      onError,
    }),
  );
  const removeExtra = useMutation(
    trpc.shopping.removeExtra.mutationOptions({ onSuccess: showList, onError }),
  );

  const { preferences, plan } = list;
  const lines = applyQueue(
    list.aisles.flatMap((group) => group.lines),
    queue,
  );
  const extras = applyQueue(
    list.extras.map((extra) => ({ ...extra, inPantry: false })),
    queue,
  );
  const toBuy = lines.filter((line) => !line.inPantry);
  const pantry = lines.filter((line) => line.inPantry);
  const ticked = [...toBuy, ...extras].filter((item) => item.checked).length;
  const aisles = list.aisles
    .map((group) => ({
      ...group,
      lines: toBuy.filter((line) => line.aisle === group.aisle),
    }))
    .filter((group) => group.lines.length > 0);
  const dayLabel = (day: number) =>
    planDayLabel(day, list.days.find((item) => item.day === day)?.date ?? null);

  const query = new URLSearchParams({
    servings: String(preferences.servings),
    from: String(preferences.fromDay),
    to: String(preferences.toDay),
    units: preferences.unitSystem,
  }).toString();
  const base = `/api/plans/${encodeURIComponent(planId)}/shopping-list`;
  const markdown = () =>
    renderShoppingMarkdown({ planName: plan.name, preferences, lines, extras });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      setMessage("Copied the list to the clipboard.");
    } catch {
      setMessage("Copying is blocked here: use the Markdown download instead.");
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title: `Shopping list: ${plan.name}`, text: markdown() });
    } catch {
      // The person closed the share sheet.
    }
  };

  const dayOptions = list.days.map((item) => (
    <option key={item.day} value={item.day}>
      {planDayLabel(item.day, item.date)}
    </option>
  ));

  return (
    <div className={styles.page}>
      <p className={`small ${styles.noPrint}`}>
        <Link href={`/plans/${encodeURIComponent(planId)}`}>← Back to the plan</Link>
      </p>
      <h1>Shopping list: {plan.name}</h1>
      <p className={styles.summary}>
        {preferences.fromDay === preferences.toDay
          ? dayLabel(preferences.fromDay)
          : `${dayLabel(preferences.fromDay)} to ${dayLabel(preferences.toDay)}`}
        {" · "}
        {preferences.servings} {preferences.servings === 1 ? "person" : "people"}
        {" · "}
        {toBuy.length} {toBuy.length === 1 ? "item" : "items"} to buy, {ticked} ticked
      </p>

      <form
        className={`card ${styles.settings} ${styles.noPrint}`}
        aria-label="List settings"
        onSubmit={(event) => event.preventDefault()}
      >
        <div>
          <label htmlFor={`${ids}-from`}>From</label>
          <select
            id={`${ids}-from`}
            value={preferences.fromDay}
            onChange={(event) => {
              const fromDay = Number(event.target.value);
              setPreferences.mutate({
                planId,
                fromDay,
                toDay: Math.max(fromDay, preferences.toDay),
              });
            }}
          >
            {dayOptions}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-to`}>To</label>
          <select
            id={`${ids}-to`}
            value={preferences.toDay}
            onChange={(event) => {
              const toDay = Number(event.target.value);
              setPreferences.mutate({
                planId,
                toDay,
                fromDay: Math.min(toDay, preferences.fromDay),
              });
            }}
          >
            {dayOptions}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-servings`}>People eating</label>
          <select
            id={`${ids}-servings`}
            value={preferences.servings}
            onChange={(event) =>
              setPreferences.mutate({ planId, servings: Number(event.target.value) })
            }
          >
            {SERVING_CHOICES.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>
        <fieldset className={styles.units}>
          <legend>Units</legend>
          {(["metric", "imperial"] as const).map((system) => (
            <label key={system} className="choice">
              <input
                type="radio"
                name={`${ids}-units`}
                value={system}
                checked={preferences.unitSystem === system}
                onChange={() => setPreferences.mutate({ planId, unitSystem: system })}
              />
              {system === "metric" ? "Metric (g, kg, L)" : "Imperial (oz, lb, fl oz)"}
            </label>
          ))}
        </fieldset>
      </form>

      <div className={`actions ${styles.noPrint}`}>
        <a className="button secondary" href={`${base}.csv?${query}`} download>
          Download CSV
        </a>
        <a className="button secondary" href={`${base}.md?${query}`} download>
          Download Markdown
        </a>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy as text
        </button>
        {canShare && (
          <button type="button" className="secondary" onClick={() => void share()}>
            Share
          </button>
        )}
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
        <button
          type="button"
          className="secondary"
          disabled={ticked === 0 || clearChecked.isPending}
          onClick={() => clearChecked.mutate({ planId })}
        >
          Clear ticks
        </button>
      </div>

      <p className={`${styles.status} ${styles.noPrint}`} role="status">
        {sync === "offline" && (
          <span className={styles.offline}>Saved offline, will sync when you are back online.</span>
        )}
        {sync === "syncing" && "Syncing ticks made offline…"}
        {sync === "synced" && queue.length === 0 && "All ticks saved."}
        {sync !== "offline" && message && <span> {message}</span>}
      </p>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}

      {aisles.length === 0 && extras.length === 0 && pantry.length === 0 && (
        <p className="card">
          Nothing to buy: this plan has no foods in these days.{" "}
          <Link href={`/plans/${encodeURIComponent(planId)}`}>Add foods to the plan</Link>.
        </p>
      )}

      {aisles.map((group) => (
        <section
          key={group.aisle}
          className={styles.aisle}
          aria-labelledby={`${ids}-${group.aisle}`}
        >
          <h2 id={`${ids}-${group.aisle}`}>{group.label}</h2>
          {group.aisle === "supplements" && (
            <p className="small muted">
              Supplements are for you, the person in your profile: they are not multiplied by the
              household size.
            </p>
          )}
          <ul className={styles.lines}>
            {group.lines.map((line) => (
              <ShoppingLineItem
                key={line.itemKey}
                line={line}
                idPrefix={ids}
                dayLabel={dayLabel}
                onCheck={(checked) =>
                  void mark({ itemKey: line.itemKey, field: "checked", value: checked })
                }
                onPantry={() =>
                  void mark({ itemKey: line.itemKey, field: "inPantry", value: true })
                }
              />
            ))}
          </ul>
        </section>
      ))}

      <section className={styles.aisle} aria-labelledby={`${ids}-extras`}>
        <h2 id={`${ids}-extras`}>Extras</h2>
        {extras.length > 0 && (
          <ul className={styles.lines}>
            {extras.map((extra) => (
              <li key={extra.id} className={`${styles.line} ${extra.checked ? styles.ticked : ""}`}>
                <div className={styles.lineMain}>
                  <input
                    type="checkbox"
                    id={`${ids}-${extra.itemKey}`}
                    className={styles.check}
                    checked={extra.checked}
                    onChange={(event) =>
                      void mark({
                        itemKey: extra.itemKey,
                        field: "checked",
                        value: event.target.checked,
                      })
                    }
                  />
                  <label htmlFor={`${ids}-${extra.itemKey}`} className={styles.lineLabel}>
                    <span className={styles.name}>{extra.text}</span>
                  </label>
                  <button
                    type="button"
                    className={`link-button ${styles.noPrint}`}
                    aria-label={`Remove ${extra.text}`}
                    onClick={() => removeExtra.mutate({ planId, extraId: extra.id })}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        <form
          className={`${styles.addExtra} ${styles.noPrint}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (extraText.trim()) addExtra.mutate({ planId, text: extraText });
          }}
        >
          <label htmlFor={`${ids}-extra`}>Add an item</label>
          <div className={styles.addRow}>
            <input
              id={`${ids}-extra`}
              type="text"
              maxLength={200}
              value={extraText}
              placeholder="e.g. kitchen roll"
              onChange={(event) => setExtraText(event.target.value)}
            />
            <button type="submit" disabled={addExtra.isPending || extraText.trim() === ""}>
              Add
            </button>
          </div>
        </form>
      </section>

      {pantry.length > 0 && (
        <section className={`${styles.aisle} ${styles.pantry}`} aria-labelledby={`${ids}-pantry`}>
          <h2 id={`${ids}-pantry`}>Already have</h2>
          <p className="small muted">
            Not on the list to buy. Put one back if you need it after all.
          </p>
          <ul className={styles.lines}>
            {pantry.map((line) => (
              <li key={line.itemKey} className={styles.line}>
                <div className={styles.pantryMain}>
                  <span className={styles.lineLabel}>
                    <span className={styles.quantity}>{line.displayQuantity}</span>{" "}
                    <span className={styles.name}>{line.name}</span>
                  </span>
                  <button
                    type="button"
                    className={`secondary ${styles.noPrint}`}
                    aria-label={`Put back on the list: ${line.name}`}
                    onClick={() =>
                      void mark({ itemKey: line.itemKey, field: "inPantry", value: false })
                    }
                  >
                    Put back
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ShoppingLineItem({
  line,
  idPrefix,
  dayLabel,
  onCheck,
  onPantry,
}: {
  line: Line;
  idPrefix: string;
  dayLabel: (day: number) => string;
  onCheck: (checked: boolean) => void;
  onPantry: () => void;
}) {
  const id = `${idPrefix}-${line.itemKey}`;
  const byDay = new Map<number, string[]>();
  for (const used of line.usedOn) {
    const meals = byDay.get(used.day) ?? [];
    if (used.meal) meals.push(MEAL_NAMES[used.meal]);
    byDay.set(used.day, meals);
  }
  return (
    <li className={`${styles.line} ${line.checked ? styles.ticked : ""}`}>
      <div className={styles.lineMain}>
        <input
          type="checkbox"
          id={id}
          className={styles.check}
          checked={line.checked}
          onChange={(event) => onCheck(event.target.checked)}
        />
        <label htmlFor={id} className={styles.lineLabel}>
          <span className={styles.quantity}>{line.displayQuantity}</span>{" "}
          <span className={styles.name}>{line.name}</span>
          {line.prescription && <span className={styles.rx}> By prescription</span>}
        </label>
        <button
          type="button"
          className={`link-button ${styles.noPrint}`}
          aria-label={`Already have ${line.name}`}
          onClick={onPantry}
        >
          Already have
        </button>
      </div>
      <details className={`${styles.details} ${styles.noPrint}`}>
        <summary>
          Exact amount and days
          <span className="sr-only"> for {line.name}</span>
        </summary>
        <p className="small">
          Exactly {line.exactQuantity}
          {line.household &&
            ` (${Number(line.household.exactAmount.toFixed(2))} × ${line.household.unit})`}
          .{line.note ? ` ${line.note}` : ""}
        </p>
        <ul className={`small ${styles.usedOn}`} aria-label={`Days that need ${line.name}`}>
          {[...byDay.entries()].map(([day, meals]) => (
            <li key={day}>
              <strong>{dayLabel(day)}</strong>
              {meals.length > 0 ? `: ${meals.join(", ")}` : ""}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The list with one mark applied (after the server confirmed it). */
function withMark(list: List, mark: QueuedMark): List {
  return {
    ...list,
    aisles: list.aisles.map((group) => ({
      ...group,
      lines: group.lines.map((line) =>
        line.itemKey === mark.itemKey ? { ...line, [mark.field]: mark.value } : line,
      ),
    })),
    extras: list.extras.map((extra) =>
      extra.itemKey === mark.itemKey && mark.field === "checked"
        ? { ...extra, checked: mark.value }
        : extra,
    ),
  };
}
