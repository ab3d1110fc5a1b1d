"use client";
/**
 * "Import from a recipe page's JSON-LD": paste the page's `<script type="application/ld+json">`
 * content (or the whole page), or choose a saved .json/.html file (read in the browser, no
 * network). recipes.importJsonLd reads it into a draft that fills the form; nothing is saved.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { RecipeDraft } from "./recipe-types";
import styles from "./recipes.module.css";

/** The most text sent: a saved recipe page is rarely larger (the server caps it too). */
const MAX_FILE_BYTES = 2_000_000;

export function ImportJsonLd(props: { onImported: (draft: RecipeDraft) => void }) {
  const trpc = useTRPC();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const importDraft = useMutation(
    trpc.recipes.importJsonLd.mutationOptions({
      onSuccess: (draft) => {
        setError(null);
        setText("");
        setOpen(false);
        props.onImported(draft);
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is larger than 2 MB; paste only the recipe's JSON-LD instead.`);
      return;
    }
    const content = await file.text();
    setText(content);
    importDraft.mutate({ json: content });
  };

  if (!open) {
    return (
      <p>
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Import from a recipe page’s JSON-LD
        </button>
      </p>
    );
  }

  return (
    <section className={`card stack ${styles.importPanel}`} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card-title">
        Import from a recipe page’s JSON-LD
      </h2>
      <p className="small muted">
        Many recipe pages describe their recipe for search engines in a{" "}
        <code>&lt;script type="application/ld+json"&gt;</code> block. Paste that block or the whole
        page’s source, or choose a saved .json or .html file. The file is read here in your browser;
        nothing is fetched from the internet. The recipe fills the form below for you to check
        before saving.
      </p>
      <div className="field">
        <label htmlFor={`${ids}-json`}>JSON-LD or page source</label>
        <textarea
          id={`${ids}-json`}
          className={styles.textArea}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-error` : undefined}
        />
        {error && (
          <p className="field-error" id={`${ids}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-file`}>Or choose a file</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept=".json,.jsonld,.html,.htm,application/json,application/ld+json,text/html"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={importDraft.isPending || text.trim() === ""}
          onClick={() => importDraft.mutate({ json: text })}
        >
          {importDraft.isPending ? "Reading…" : "Import"}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
