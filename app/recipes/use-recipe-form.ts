"use client";
/** The recipe form's state: its values (recipe-form-values.ts), the edits and the errors. */
import { useState } from "react";
import type { DraftLine, FormErrors, FormValues } from "./recipe-form-values";

export function useRecipeForm(initial: FormValues) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const set = (patch: Partial<FormValues>) => setValues((current) => ({ ...current, ...patch }));
  const updateLine = (key: string, patch: Partial<DraftLine>) =>
    setValues((current) => ({
      ...current,
      lines: current.lines.map((line) => (line.key === key ? { ...line, ...patch } : line)),
    }));
  const removeLine = (key: string) =>
    setValues((current) => ({
      ...current,
      lines: current.lines.filter((line) => line.key !== key),
    }));
  const appendLines = (lines: DraftLine[]) =>
    setValues((current) => ({ ...current, lines: [...current.lines, ...lines] }));
  return {
    values,
    setValues,
    set,
    updateLine,
    removeLine,
    appendLines,
    errors,
    setErrors,
  };
}

export type RecipeFormState = ReturnType<typeof useRecipeForm>;
