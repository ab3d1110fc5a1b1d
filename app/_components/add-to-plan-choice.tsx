"use client";
/**
 * What the "Add to plan" panels of a food's page and a recipe's page share: the open or
 * closed state, the household's plans (fetched once the panel opens), the chosen plan,
 * the line saying what was added, and focus back on the button when the panel closes.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type RefObject, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";

export type Added = { planId: string; text: string };

export function usePlanChoice() {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [planId, setPlanId] = useState("");
  const [added, setAdded] = useState<Added | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const plans = useQuery({ ...trpc.plans.list.queryOptions(), enabled: open });
  const list = plans.data ?? [];
  const plan = list.find((item) => item.id === planId) ?? list[0];
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return { open, setOpen, setPlanId, added, setAdded, openButton, plans, list, plan };
}

/** The closed panel: the "Add to plan" button and, after adding, what was added. */
export function AddToPlanButton(props: {
  className?: string;
  openButton: RefObject<HTMLButtonElement | null>;
  added: Added | null;
  onOpen: () => void;
}) {
  return (
    <div className={props.className}>
      <p className="actions">
        <button ref={props.openButton} type="button" onClick={props.onOpen}>
          Add to plan
        </button>
      </p>
      <p role="status" className="small">
        {props.added && (
          <>
            {props.added.text}{" "}
            <Link href={`/plans/${encodeURIComponent(props.added.planId)}`}>Open the plan</Link>
          </>
        )}
      </p>
    </div>
  );
}
