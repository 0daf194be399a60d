/**
 * UK postcode handling that needs no network: tidy what people type, check its shape, and split
 * off the outward code (the part before the space), which is all Waymark keeps about a person.
 */

// Royal Mail's rules for the outward code: which letters may stand in which position.
const OUTWARD = "(?:[A-PR-UWYZ][0-9][0-9A-HJKMNPR-Y]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)";
const INWARD = "[0-9][ABD-HJLNP-UW-Z]{2}";
const FULL_POSTCODE = new RegExp(`^(?:${OUTWARD} ${INWARD}|GIR 0AA)$`);
const OUTWARD_ONLY = new RegExp(`^${OUTWARD}$`);

export type PostcodeInput =
  | { kind: "postcode"; postcode: string; outwardCode: string }
  | { kind: "outcode"; outwardCode: string }
  | { kind: "invalid" };

/** Upper case, no stray spaces, and one space before the last three characters: "me141le" → "ME14 1LE". */
export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** True for a well-formed full UK postcode (after normalising); says nothing about whether it exists. */
export function isValidPostcode(input: string): boolean {
  return FULL_POSTCODE.test(normalisePostcode(input));
}

/** "ME14 1LE" → "ME14". Expects a valid postcode. */
export function outwardCodeOf(postcode: string): string {
  return normalisePostcode(postcode).split(" ")[0];
}

/** Reads a full postcode or an outward code on its own ("ME14"), which people often type to stay vague. */
export function parsePostcodeInput(input: string): PostcodeInput {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (OUTWARD_ONLY.test(compact)) return { kind: "outcode", outwardCode: compact };
  const postcode = normalisePostcode(compact);
  if (FULL_POSTCODE.test(postcode)) return { kind: "postcode", postcode, outwardCode: outwardCodeOf(postcode) };
  return { kind: "invalid" };
}
