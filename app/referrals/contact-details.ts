/**
 * UK phone numbers and postcodes as people type them: with spaces, brackets, dashes, +44, in
 * lower case. Each function returns the one form we store, or null if it cannot be one.
 */

function ukDigits(value: string): string | null {
  const compact = value.replace(/[\s().-]/g, "");
  const national = compact.replace(/^(?:\+44|0044)(?:0)?/, "0");
  return /^0\d+$/.test(national) ? national : null;
}

/** A UK landline, mobile or non-geographic number, as 10 or 11 digits starting with 0. */
export function normaliseUkPhone(value: string): string | null {
  const digits = ukDigits(value);
  return digits && /^0[1-9]\d{8,9}$/.test(digits) ? digits : null;
}

/**
 * A UK mobile that can receive texts: 071–075, 077–079 and 07624. Numbers starting 070 are
 * personal redirection numbers and 076 mostly pagers, neither of which takes a text.
 */
export function normaliseUkMobile(value: string): string | null {
  const digits = ukDigits(value);
  return digits && /^07(?:[1-57-9]\d{8}|624\d{6})$/.test(digits) ? digits : null;
}

const OUTWARD = "[A-Z]{1,2}[0-9][A-Z0-9]?";
const OUTWARD_ONLY = new RegExp(`^(${OUTWARD})$`);
const FULL_POSTCODE = new RegExp(`^(${OUTWARD}) ?([0-9][A-Z]{2})$`);

function tidyPostcode(value: string): string {
  return value.toUpperCase().replace(/\s+/g, " ").trim();
}

/** A full postcode written the standard way ("ME14 1AB"), or null. */
export function normaliseFullPostcode(value: string): string | null {
  const match = FULL_POSTCODE.exec(tidyPostcode(value));
  return match ? `${match[1]} ${match[2]}` : null;
}

/**
 * The outward part of a postcode ("ME14"). A full postcode is cut down to it, with
 * `shortened: true` so the form can say that only the first part was kept.
 */
export function outwardCodeOf(value: string): { outwardCode: string; shortened: boolean } | null {
  const tidy = tidyPostcode(value);
  const outward = OUTWARD_ONLY.exec(tidy);
  if (outward) return { outwardCode: outward[1], shortened: false };
  const full = FULL_POSTCODE.exec(tidy);
  return full ? { outwardCode: full[1], shortened: true } : null;
}
