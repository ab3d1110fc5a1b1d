"use client";
/**
 * The shopping list page: a plan's foods merged per aisle for the household, as things
 * a shop sells ("1.25 kg dry lentils", "2 L fortified soy milk", "12 large eggs"), with
 * ticks (saved on the server, queued offline: use-shopping-marks.ts), "already have",
 * extras, aisle moves, exports and a print view. Every quantity comes from the server's
 * shopping.list; this only shows it. Sections live in their own files.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useId, useMemo, useState } from "react";
import { planDayLabel } from "@/app/_lib/dates";
import { useTRPC } from "@/app/_trpc/client";
import { renderShoppingMarkdown } from "@/server/domain/shopping-export";
import type { RouterOutputs } from "@/server/trpc/root";
import { ExtrasSection } from "./extras-section";
import { ListActions } from "./list-actions";
import { ListSettings } from "./list-settings";
import { applyQueue } from "./offline-queue";
import { PantrySection } from "./pantry-section";
import styles from "./shopping.module.css";
import { ShoppingLineItem } from "./shopping-line";
import { useShoppingMarks } from "./use-shopping-marks";

type List = RouterOutputs["shopping"]["list"];

export function ShoppingList({ initialList }: { initialList: List }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const planId = initialList.plan.id;
  const listKey = useMemo(() => trpc.shopping.list.queryKey({ planId }), [trpc, planId]);
  const list = useQuery({
    ...trpc.shopping.list.queryOptions({ planId }),
    initialData: initialList,
  }).data;

  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { queue, sync, mark, dropQueuedTicks } = useShoppingMarks(planId, listKey, setError);

  const showList = useCallback(
    (next: List) => {
      setError(null);
      queryClient.setQueryData(listKey, next);
    },
    [queryClient, listKey],
  );
  const onError = (failure: { message: string }) => setError(failure.message);

  const setPreferences = useMutation(
    trpc.shopping.setPreferences.mutationOptions({ onSuccess: showList, onError }),
  );
  const setAisle = useMutation(
    trpc.shopping.setAisle.mutationOptions({ onSuccess: showList, onError }),
  );
  const clearChecked = useMutation(
    trpc.shopping.clearChecked.mutationOptions({
      onSuccess: (next) => {
        dropQueuedTicks();
        showList(next);
        setMessage("Ticks cleared.");
      },
      onError,
    }),
  );
  const addExtra = useMutation(
    trpc.shopping.addExtra.mutationOptions({ onSuccess: showList, onError }),
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
    .map((group) => ({ ...group, lines: toBuy.filter((line) => line.aisle === group.aisle) }))
    .filter((group) => group.lines.length > 0);
  const dayLabel = (day: number) =>
    planDayLabel(day, list.days.find((item) => item.day === day)?.date ?? null);

  const query = new URLSearchParams({
    ...(preferences.servings === null
      ? { guests: String(preferences.guests) }
      : { servings: String(preferences.servings) }),
    from: String(preferences.fromDay),
    to: String(preferences.toDay),
    units: preferences.unitSystem,
  }).toString();

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
        {preferences.household}
        {" · "}
        {toBuy.length} {toBuy.length === 1 ? "item" : "items"} to buy, {ticked} ticked
      </p>

      <ListSettings
        idPrefix={ids}
        days={list.days}
        preferences={preferences}
        onChange={(change) => setPreferences.mutate({ planId, ...change })}
      />
      <ListActions
        downloadBase={`/api/plans/${encodeURIComponent(planId)}/shopping-list`}
        query={query}
        title={`Shopping list: ${plan.name}`}
        markdown={() => renderShoppingMarkdown({ planName: plan.name, preferences, lines, extras })}
        canClear={ticked > 0 && !clearChecked.isPending}
        onClear={() => clearChecked.mutate({ planId })}
        onMessage={setMessage}
      />

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
                onAisle={(aisle) => setAisle.mutate({ planId, foodId: line.itemKey, aisle })}
              />
            ))}
          </ul>
        </section>
      ))}

      <ExtrasSection
        idPrefix={ids}
        extras={extras}
        adding={addExtra.isPending}
        onCheck={(extra, checked) =>
          void mark({ itemKey: extra.itemKey, field: "checked", value: checked })
        }
        onRemove={(extra) => removeExtra.mutate({ planId, extraId: extra.id })}
        onAdd={async (text) => {
          try {
            await addExtra.mutateAsync({ planId, text });
            return true;
          } catch {
            return false;
          }
        }}
      />
      <PantrySection
        idPrefix={ids}
        lines={pantry}
        onPutBack={(line) => void mark({ itemKey: line.itemKey, field: "inPantry", value: false })}
      />
    </div>
  );
}
