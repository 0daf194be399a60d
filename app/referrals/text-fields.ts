/**
 * Cleaning and checking of the free text people type into referrals. Everything is stored and
 * shown as text (React escapes it), never as HTML; these rules keep it readable and stop text
 * that is plainly an attempt at markup from being saved at all.
 */
import { z } from "zod";

// Control characters, plus the invisible direction overrides and zero-width marks that make text
// display differently from what is stored. Tab, newline and carriage return are handled apart.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** One line of text: invisible characters removed, line breaks and runs of spaces made one space. */
export function cleanLine(value: string): string {
  return value.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/** Several lines: as cleanLine, but line breaks kept (at most one blank line in a row). */
export function cleanLines(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const MARKUP = /<\s*\/?\s*[a-z!?][^<>]*>|javascript\s*:|\bon[a-z]+\s*=/i;

/** True for text that carries HTML tags, script URLs or event handlers rather than plain words. */
export function looksLikeMarkup(value: string): boolean {
  return MARKUP.test(value);
}

/** Form values arrive as strings, or not at all; anything else is treated as not given. */
export function asText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Checkboxes post nothing, one value or several; all become an array of strings. */
export function asTextList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value];
  return list.filter((item): item is string => typeof item === "string" && item !== "");
}

interface FreeTextRules {
  /** What the field is called in messages, e.g. "Access needs". */
  name: string;
  max: number;
  multiline?: boolean;
}

function markupMessage(name: string): string {
  return `${name} must be plain words. Remove anything that looks like code, such as <script> or web page tags`;
}

function tooLongMessage(name: string, max: number): string {
  return `${name} must be ${max.toLocaleString("en-GB")} characters or fewer`;
}

/** Optional free text: blank becomes null. */
export function optionalText({ name, max, multiline = false }: FreeTextRules) {
  return z.preprocess(
    (value) => (multiline ? cleanLines : cleanLine)(asText(value)),
    z
      .string()
      .max(max, tooLongMessage(name, max))
      .refine((value) => !looksLikeMarkup(value), markupMessage(name))
      .transform((value) => (value === "" ? null : value)),
  );
}

/** Required free text, with the message to show when it is left blank. */
export function requiredText({ name, max, multiline = false }: FreeTextRules, missing: string) {
  return z.preprocess(
    (value) => (multiline ? cleanLines : cleanLine)(asText(value)),
    z
      .string()
      .min(1, missing)
      .max(max, tooLongMessage(name, max))
      .refine((value) => !looksLikeMarkup(value), markupMessage(name)),
  );
}
