/** Small zod pieces shared by the input contracts. */
import { z } from "zod";

/**
 * No NUL character: PostgreSQL's text cannot hold one (it refuses the whole statement:
 * "invalid byte sequence for encoding UTF8: 0x00"), and no id or name has one.
 */
export const hasNoNul = (text: string): boolean => !text.includes("\u0000");

/** A required id-like string, trimmed, with messages that name the field. */
export const idField = (field: string, maxLength = 100) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(maxLength, `${field} is too long`)
    .refine(hasNoNul, `${field} must not contain a NUL character`);

/** A UTF-16 surrogate without its pair: not a character, and SQLite would store U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/** Line breaks and tabs become spaces; other control characters (NUL, ESC, …) go. */
export const removeControlCharacters = (text: string): string =>
  text.replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, " ").replace(/\p{Cc}/gu, "");

/**
 * A one-line name (plan, food, portion, supplement, shopping extra): control characters
 * removed, trimmed, then required and limited. A name made only of control characters is
 * empty; a lone surrogate is refused with a message rather than silently replaced.
 */
export const nameField = (label: string, maxLength: number) =>
  z
    .string({ error: `${label} must be a string` })
    .refine((value) => !hasLoneSurrogate(value), {
      message: `${label} contains a broken character (half of an emoji or other symbol); please retype it`,
      abort: true,
    })
    .transform((value) => removeControlCharacters(value).trim())
    .pipe(
      z
        .string()
        .min(1, `${label} must not be empty`)
        .max(maxLength, `${label} is too long (at most ${maxLength} characters)`),
    );

/** Free text (notes): may be empty; lone surrogates refused; control characters but line breaks removed. */
export const noteField = (label: string, maxLength: number) =>
  z
    .string({ error: `${label} must be a string` })
    .refine((value) => !hasLoneSurrogate(value), {
      message: `${label} contains a broken character (half of an emoji or other symbol); please retype it`,
      abort: true,
    })
    .transform((value) => value.replace(/[^\P{Cc}\n\t]/gu, "").trim())
    .pipe(z.string().max(maxLength, `${label} is too long (at most ${maxLength} characters)`));
