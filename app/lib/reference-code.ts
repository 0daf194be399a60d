import { randomInt } from "node:crypto";

/**
 * Readable, unguessable references: no 0/O, 1/I/L or U, so they can be read over the phone
 * and typed from paper. 8 characters from 30 symbols is about 6.6e11 combinations.
 */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function createReferenceCode(length = 8): string {
  let code = "";
  for (let i = 0; i < length; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

/** Shown as two groups of four ("7KQ3 MXP2") for reading aloud. */
export function formatReferenceCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** Accepts lower case, spaces and dashes; returns the canonical code, or null if it cannot be one. */
export function normaliseReferenceCode(input: string, length = 8): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "");
  if (cleaned.length !== length) return null;
  for (const ch of cleaned) if (!REFERENCE_ALPHABET.includes(ch)) return null;
  return cleaned;
}
