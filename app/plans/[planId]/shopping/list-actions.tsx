"use client";
/** Downloads (CSV, Markdown), copy, share, print and "Clear ticks". */
import { useEffect, useState } from "react";
import styles from "./shopping.module.css";

export function ListActions({
  downloadBase,
  query,
  markdown,
  title,
  canClear,
  onClear,
  onMessage,
}: {
  downloadBase: string;
  query: string;
  markdown: () => string;
  title: string;
  canClear: boolean;
  onClear: () => void;
  onMessage: (message: string) => void;
}) {
  const [canShare, setCanShare] = useState(false);
  useEffect(() => setCanShare(typeof navigator.share === "function"), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      onMessage("Copied the list to the clipboard.");
    } catch {
      onMessage("Copying is blocked here: use the Markdown download instead.");
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title, text: markdown() });
    } catch {
      // The person closed the share sheet.
    }
  };

  return (
    <div className={`actions ${styles.noPrint}`}>
      <a className="button secondary" href={`${downloadBase}.csv?${query}`} download>
        Download CSV
      </a>
      <a className="button secondary" href={`${downloadBase}.md?${query}`} download>
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
      <button type="button" className="secondary" disabled={!canClear} onClick={onClear}>
        Clear ticks
      </button>
    </div>
  );
}
