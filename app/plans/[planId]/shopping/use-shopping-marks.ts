"use client";
/**
 * Ticks and "already have" marks: shown at once, sent to the server, and queued in
 * localStorage when there is no connection (offline-queue.ts), then replayed on
 * `online`, on the next visit, every few seconds while the browser says it is online,
 * or shortly after a failed try.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/trpc/root";
import { enqueue, loadQueue, type QueuedMark, saveQueue } from "./offline-queue";

type List = RouterOutputs["shopping"]["list"];

export type SyncStatus = "idle" | "offline" | "syncing" | "synced";

/** A failure with no answer from the server (no connection), as opposed to a refusal. */
export function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== "undefined" && !navigator.onLine) return true;
  const data = (error as { data?: unknown } | null)?.data;
  return data === undefined || data === null;
}

/** The list with one mark applied (after the server confirmed it). */
export function withMark(list: List, mark: QueuedMark): List {
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

export function useShoppingMarks(
  planId: string,
  listKey: readonly unknown[],
  onError: (message: string) => void,
) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [queue, setQueue] = useState<QueuedMark[]>([]);
  const queueRef = useRef<QueuedMark[]>([]);
  const [sync, setSync] = useState<SyncStatus>("idle");

  const updateQueue = useCallback(
    (next: QueuedMark[]) => {
      queueRef.current = next;
      setQueue(next);
      saveQueue(planId, next);
    },
    [planId],
  );

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
  const replaying = useRef(false);
  const replay = useCallback(async () => {
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    if (queueRef.current.length === 0 || replaying.current) return;
    replaying.current = true;
    try {
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
    } finally {
      replaying.current = false;
    }
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
    const onOnline = () => void replay();
    const onOffline = () =>
      setSync((current) => (queueRef.current.length > 0 ? "offline" : current));
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    // Backup for the `online` event, which a page opened offline (from the service worker's
    // copy) may never receive: while ticks wait, look every few seconds.
    const poll = setInterval(() => {
      if (queueRef.current.length > 0 && navigator.onLine && !retryTimer.current) {
        void replayRef.current();
      }
    }, 3000);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      clearInterval(poll);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [planId, replay]);

  /** Shows the change at once, saves it, and queues it when there is no connection. */
  const mark = async (item: QueuedMark) => {
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
      onError(failure instanceof Error ? failure.message : "Could not save that change.");
    }
  };

  /** Forgets queued ticks (after "Clear ticks" reached the server). */
  const dropQueuedTicks = () =>
    updateQueue(queueRef.current.filter((item) => item.field !== "checked"));

  return { queue, sync, mark, dropQueuedTicks };
}
