import type { Namespace } from "./languages";

/**
 * Translation catalogues as flat maps of dotted keys to text, and the comparison of a language
 * against English that the content check reports. Pure, so it is tested without files.
 */

export type Messages = Record<string, string>;
export type Catalogue = Partial<Record<Namespace, Messages>>;

/** Nested YAML maps of text become flat dotted keys; anything that is not text is a mistake. */
export function flatten(value: unknown, prefix = "", into: Messages = {}, where = prefix): Messages {
  if (typeof value === "string") {
    if (!prefix) throw new Error(`${where}: expected a map of keys to text`);
    if (value.trim() === "") throw new Error(`${where || prefix}: text must not be empty`);
    into[prefix] = value.trim();
    return into;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${where || prefix || "file"}: expected text or a map of keys to text`);
  }
  for (const [key, inner] of Object.entries(value)) {
    const full = prefix ? `${prefix}.${key}` : key;
    flatten(inner, full, into, full);
  }
  return into;
}

/** Every key under a prefix, with the prefix taken off, for one part of a page ("" for all). */
export function pick(messages: Messages, prefix: string): Messages {
  if (prefix === "") return { ...messages };
  const start = `${prefix}.`;
  const picked: Messages = {};
  for (const [key, text] of Object.entries(messages)) if (key.startsWith(start)) picked[key.slice(start.length)] = text;
  return picked;
}

// {{placeholders}}, and the addresses of [links](/path) in texts that carry them (see LinkedText):
// a translation must fill the same figures and link to the same pages as the English.
/** The keys not under a prefix: a page's copy without, say, the form errors only the server needs. */
export function omit(messages: Messages, prefix: string): Messages {
  const start = `${prefix}.`;
  return Object.fromEntries(Object.entries(messages).filter(([key]) => !key.startsWith(start)));
}

const placeholders = (text: string) =>
  [...[...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]), ...[...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => `link ${m[1]}`)].sort();

export interface NamespaceReport {
  namespace: Namespace;
  total: number;
  /** Keys English has and this language lacks: shown in English. */
  missing: string[];
  /** Keys English no longer has: a typo, or text English has since dropped. */
  unknown: string[];
  /** Keys whose {{placeholders}} or link addresses differ from English: wrong figures or wrong pages. */
  placeholderMismatch: string[];
}

export function compareNamespace(namespace: Namespace, english: Messages, translated: Messages): NamespaceReport {
  const englishKeys = Object.keys(english);
  return {
    namespace,
    total: englishKeys.length,
    missing: englishKeys.filter((key) => !(key in translated)),
    unknown: Object.keys(translated).filter((key) => !(key in english)),
    placeholderMismatch: englishKeys.filter(
      (key) => key in translated && placeholders(english[key]).join() !== placeholders(translated[key]).join(),
    ),
  };
}

export const isWhole = (report: NamespaceReport) =>
  report.missing.length === 0 && report.unknown.length === 0 && report.placeholderMismatch.length === 0;

/**
 * Fills {{name}} placeholders, in i18next's syntax, for the few texts put together where i18next
 * does not run (the browser) or before a language is known (the triage engine's English).
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
