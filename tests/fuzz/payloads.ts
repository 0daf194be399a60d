/**
 * Hostile values for one form field or query parameter, drawn from a seeded generator so a run
 * that finds a fault replays exactly with the same FUZZ_SEED.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type PayloadKind = "long" | "empty" | "unicode" | "control" | "array" | "number" | "sql" | "html" | "date" | "path";

/** A marker that, if it ever reaches a page as markup rather than text, proves a payload went unescaped. */
export const MARKER = "fz7q";
export const UNESCAPED = new RegExp(`<script>${MARKER}|<img[^>]*onerror="?${MARKER}|<svg[^>]*onload=${MARKER}|<a href="javascript:${MARKER}`, "i");

export const HTML_PAYLOADS = [
  `<script>${MARKER}</script>`,
  `"><img src=x onerror="${MARKER}">`,
  `'><svg onload=${MARKER}>`,
  `[click](javascript:${MARKER}) <a href="javascript:${MARKER}">x</a>`,
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const generators: Record<PayloadKind, (random: () => number) => string | string[]> = {
  long: (random) => pick(random, ["a", "é", "x ", "<", "9"]).repeat(pick(random, [1_000, 10_000, 50_000])),
  empty: (random) => pick(random, ["", " ", "\t\n", "\u00a0"]),
  unicode: (random) =>
    pick(random, ["Zoë Ǹgozi", "🙂👩🏽‍💻", "مرحبا بالعالم", "\u202eevil\u202c", "e\u0301\u0301\u0301", "\u200b\u200d\ufeff", "𝕎𝕒𝕪𝕞𝕒𝕣𝕜", "\ud800"]),
  control: (random) => pick(random, ["\u0000", "a\u0000b", "\u0007\u001b[31m", "line\r\nSet-Cookie: x=1", "\u007f\u0085"]),
  array: (random) => [pick(random, ["one", "", "yes"]), pick(random, ["two", "no", "<b>"])],
  number: (random) => pick(random, ["1e308", "-1", "99999999999999999999999", "NaN", "Infinity", "0x10", "1.5", "-0", "2147483648"]),
  sql: (random) => pick(random, ["' OR 1=1 --", '"; DROP TABLE users; --', "1; select * from sessions", "%' AND '1'='1", "\\'"]),
  html: (random) => pick(random, HTML_PAYLOADS),
  date: (random) => pick(random, ["2026-02-30", "0000-00-00", "9999-12-31T25:61", "31/12/2026", "-1"]),
  path: (random) => pick(random, ["../../../../etc/passwd", "%2e%2e%2f", "//evil.example", "https://evil.example/", "C:\\Windows"]),
};

export const PAYLOAD_KINDS = Object.keys(generators) as PayloadKind[];

/**
 * `count` values for one field. Kinds are taken in a seeded order that starts at a different
 * place for each field, so a small count still spreads every kind over the fields of a page.
 */
export function payloadsFor(random: () => number, count: number): { kind: PayloadKind; value: string | string[] }[] {
  const start = Math.floor(random() * PAYLOAD_KINDS.length);
  return Array.from({ length: count }, (_, i) => {
    const kind = PAYLOAD_KINDS[(start + i) % PAYLOAD_KINDS.length];
    return { kind, value: generators[kind](random) };
  });
}

/** A plausible value for a field, so a form with hostile text in one field can still be saved. */
export function plausibleValue(name: string, type: string): string {
  const n = name.toLowerCase();
  if (type === "email" || n.includes("email")) return "fuzz@example.org";
  if (n.includes("postcode")) return "ME14 1XX";
  if (type === "tel" || n.includes("phone") || n.includes("mobile")) return "07700 900123";
  if (type === "date" || /date|from|to$/.test(n)) return "2026-01-05";
  if (type === "number") return "1";
  if (type === "url" || n.includes("website") || n.includes("url")) return "https://example.org";
  if (n.includes("password")) return "a-long-fuzz-password-2026";
  return "";
}
