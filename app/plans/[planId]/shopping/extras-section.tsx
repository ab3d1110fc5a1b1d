"use client";
/** Free-text extras ("kitchen roll"): tick, remove, add. */
import { useState } from "react";
import styles from "./shopping.module.css";

type Extra = { id: string; itemKey: string; text: string; checked: boolean };

export function ExtrasSection({
  idPrefix,
  extras,
  adding,
  onCheck,
  onRemove,
  onAdd,
}: {
  idPrefix: string;
  extras: Extra[];
  adding: boolean;
  onCheck: (extra: Extra, checked: boolean) => void;
  onRemove: (extra: Extra) => void;
  /** Adds the item; resolves true when it was saved (the field then empties). */
  onAdd: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState("");
  return (
    <section className={styles.aisle} aria-labelledby={`${idPrefix}-extras`}>
      <h2 id={`${idPrefix}-extras`}>Extras</h2>
      {extras.length > 0 && (
        <ul className={styles.lines}>
          {extras.map((extra) => (
            <li key={extra.id} className={`${styles.line} ${extra.checked ? styles.ticked : ""}`}>
              <div className={styles.lineMain}>
                <input
                  type="checkbox"
                  id={`${idPrefix}-${extra.itemKey}`}
                  className={styles.check}
                  checked={extra.checked}
                  onChange={(event) => onCheck(extra, event.target.checked)}
                />
                <label htmlFor={`${idPrefix}-${extra.itemKey}`} className={styles.lineLabel}>
                  <span className={styles.text}>{extra.text}</span>
                </label>
                <button
                  type="button"
                  className={`link-button ${styles.noPrint}`}
                  aria-label={`Remove ${extra.text}`}
                  onClick={() => onRemove(extra)}
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
          if (text.trim()) void onAdd(text).then((saved) => saved && setText(""));
        }}
      >
        <label htmlFor={`${idPrefix}-extra`}>Add an item</label>
        <div className={styles.addRow}>
          <input
            id={`${idPrefix}-extra`}
            type="text"
            maxLength={200}
            value={text}
            placeholder="e.g. kitchen roll"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" disabled={adding || text.trim() === ""}>
            Add
          </button>
        </div>
      </form>
    </section>
  );
}
