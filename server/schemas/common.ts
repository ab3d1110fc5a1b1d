/** Small zod pieces shared by the input contracts. */
import { z } from "zod";

/** A required id-like string, trimmed, with messages that name the field. */
export const idField = (field: string, maxLength = 100) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(maxLength, `${field} is too long`);
