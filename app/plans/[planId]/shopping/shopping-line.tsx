"use client";
import { AISLE_LABELS, AISLES, type Aisle } from "@/server/domain/shopping";
/**
 * One line to buy: a tick box, the line as read in a shop ("12 large eggs"), "Already
 * have", and on demand the full food name, what it is for, the exact amount, the days
 * and a choice of aisle (remembered for every list).
 */
import { MEAL_LABELS } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";
import styles from "./shopping.module.css";

type Line = RouterOutputs["shopping"]["list"]["aisles"][number]["lines"][number];

/** Aisles a food can be moved to (supplements keep theirs). */
const FOOD_AISLES = AISLES.filter((aisle) => aisle !== "supplements");

export function ShoppingLineItem({
  line,
  idPrefix,
  dayLabel,
  onCheck,
  onPantry,
  onAisle,
}: {
  line: Line;
  idPrefix: string;
  dayLabel: (day: number) => string;
  onCheck: (checked: boolean) => void;
  onPantry: () => void;
  onAisle: (aisle: Aisle | null) => void;
}) {
  const id = `${idPrefix}-${line.itemKey}`;
  const byDay = new Map<number, string[]>();
  const dishes = new Set<string>();
  for (const used of line.usedOn) {
    const meals = byDay.get(used.day) ?? [];
    // A food that goes into a recipe names the dish: "Breakfast (Tofu scramble)".
    const inDishes = used.dishes?.length ? ` (${used.dishes.join(", ")})` : "";
    if (used.meal) meals.push(`${MEAL_LABELS[used.meal]}${inDishes}`);
    byDay.set(used.day, meals);
    for (const dish of used.dishes ?? []) dishes.add(dish);
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
          <span className={styles.text}>{line.text}</span>
          {line.preparedFrom.length > 0 && (
            <span className={styles.madeFor}>
              {" "}
              for {line.preparedFrom.map((food) => food.shoppingName).join(", ")}
            </span>
          )}
          {line.prescription && <span className={styles.rx}> By prescription</span>}
          {line.kind === "text" && (
            <span className={styles.madeFor}>
              {" "}
              for {[...dishes].join(", ") || "a recipe"} (amount not weighed)
            </span>
          )}
        </label>
        <button
          type="button"
          className={`link-button ${styles.noPrint}`}
          aria-label={`Already have ${line.shoppingName}`}
          onClick={onPantry}
        >
          Already have
        </button>
      </div>
      <details className={`${styles.details} ${styles.noPrint}`}>
        <summary>
          Details
          <span className="sr-only"> for {line.shoppingName}</span>
        </summary>
        <p className="small">
          <strong>Full name:</strong> {line.name}
        </p>
        {line.preparedFrom.length > 0 && (
          <p className="small">
            Bought as {line.shoppingName} for{" "}
            {line.preparedFrom.map((food) => food.name).join("; ")} (the amount before cooking).
          </p>
        )}
        {line.kind === "text" ? (
          <p className="small">{line.note ?? "A recipe line as written; check the amount."}</p>
        ) : (
          <p className="small">
            Exactly {line.exactQuantity}
            {line.household &&
              ` (${Number(line.household.exactAmount.toFixed(2))} × ${line.household.unit})`}
            .{line.note ? ` ${line.note}` : ""}
          </p>
        )}
        <ul className={`small ${styles.usedOn}`} aria-label={`Days that need ${line.shoppingName}`}>
          {[...byDay.entries()].map(([day, meals]) => (
            <li key={day}>
              <strong>{dayLabel(day)}</strong>
              {meals.length > 0 ? `: ${meals.join(", ")}` : ""}
            </li>
          ))}
        </ul>
        {line.kind === "food" && (
          <p className={`small ${styles.aisleMove}`}>
            <label htmlFor={`${id}-aisle`}>Aisle in your shop</label>{" "}
            <select
              id={`${id}-aisle`}
              value={line.aisle}
              onChange={(event) => onAisle(event.target.value as Aisle)}
            >
              {FOOD_AISLES.map((aisle) => (
                <option key={aisle} value={aisle}>
                  {AISLE_LABELS[aisle]}
                </option>
              ))}
            </select>{" "}
            {line.aisleChosen && (
              <button type="button" className="link-button" onClick={() => onAisle(null)}>
                Back to the usual aisle
              </button>
            )}
          </p>
        )}
      </details>
    </li>
  );
}
