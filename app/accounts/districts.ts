import { parsePostcodeInput } from "~/directory/postcodes";

export type DistrictsResult = { ok: true; codes: string[] } | { ok: false; invalid: string[] };

/**
 * Reads the postcode districts an area covers, as typed into one box: "ME14, ME15 me16" or one
 * per line. Each must be a UK outward code; duplicates are dropped and the list sorted.
 */
export function parseDistricts(text: string): DistrictsResult {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const invalid: string[] = [];
  const codes = new Set<string>();
  for (const part of parts) {
    const parsed = parsePostcodeInput(part);
    if (parsed.kind === "outcode") codes.add(parsed.outwardCode);
    else invalid.push(part);
  }
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, codes: [...codes].sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true })) };
}
