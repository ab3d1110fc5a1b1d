"use client";
/** Lines marked "already have": off the list to buy, with a way back. */
import type { RouterOutputs } from "@/server/trpc/root";
import styles from "./shopping.module.css";

type Line = RouterOutputs["shopping"]["list"]["aisles"][number]["lines"][number];

export function PantrySection({
  idPrefix,
  lines,
  onPutBack,
}: {
  idPrefix: string;
  lines: Line[];
  onPutBack: (line: Line) => void;
}) {
  if (lines.length === 0) return null;
  return (
    <section className={`${styles.aisle} ${styles.pantry}`} aria-labelledby={`${idPrefix}-pantry`}>
      <h2 id={`${idPrefix}-pantry`}>Already have</h2>
      <p className="small muted">Not on the list to buy. Put one back if you need it after all.</p>
      <ul className={styles.lines}>
        {lines.map((line) => (
          <li key={line.itemKey} className={styles.line}>
            <div className={styles.pantryMain}>
              <span className={styles.lineLabel}>
                <span className={styles.text}>{line.text}</span>
              </span>
              <button
                type="button"
                className={`secondary ${styles.noPrint}`}
                aria-label={`Put back on the list: ${line.shoppingName}`}
                onClick={() => onPutBack(line)}
              >
                Put back
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
