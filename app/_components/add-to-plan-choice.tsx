"use client";
/**
 * What the "Add to plan" panels of a food's page and a recipe's page share: the open or
 * closed state, the household's plans (fetched once the panel opens), the chosen plan,
 * the line saying what was added, and focus back on the button when the panel closes.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { MEAL_OPTIONS, type Meal } from "@/server/domain/vocabulary";

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

/**
 * The open panel: a card that Escape closes, its title, and either the fields or, when
 * the household has no plan yet, a link to create one.
 */
export function AddToPlanPanel(props: {
  title: string;
  className?: string;
  noPlans: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the form
    <div
      className={props.className ? `card stack ${props.className}` : "card stack"}
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onClose();
      }}
    >
      <h2 className="card-title">{props.title}</h2>
      {props.noPlans ? (
        <p>
          You have no plans yet. <Link href="/plans">Create a plan</Link> first.
        </p>
      ) : (
        props.children
      )}
    </div>
  );
}

/** The plan to add to, among the household's plans. */
export function PlanField(props: {
  id: string;
  plans: readonly { id: string; name: string }[];
  value: string;
  onChange: (planId: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>Plan</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.plans.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The meal to add to. */
export function MealField(props: { id: string; value: Meal; onChange: (meal: Meal) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>Meal</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as Meal)}
      >
        {MEAL_OPTIONS.map((item) => (
          <option key={item.meal} value={item.meal}>
            {item.label}
          </option>
        ))}
      </select>
    </div>
  );
}
