/**
 * The "person helped" form as posted: time spent comes from preset radios or an "other" box, so
 * it is turned into the one `minutes` value the shared schema checks, and any error about it is
 * shown beside whichever control the person used.
 */
export const MINUTE_PRESETS = ["15", "30", "60"] as const;
export const OTHER_MINUTES = "other";

export interface MinutesFields {
  minutesChoice?: string;
  minutesOther?: string;
}

/** The minutes typed or picked; an "other" box filled in without its radio counts too (no JavaScript to tick it). */
export function minutesFrom(fields: MinutesFields): string {
  const choice = fields.minutesChoice ?? "";
  const other = (fields.minutesOther ?? "").trim();
  if (choice === OTHER_MINUTES || (choice === "" && other !== "")) return other;
  return (MINUTE_PRESETS as readonly string[]).includes(choice) ? choice : "";
}

/** Which field a minutes error belongs beside. */
export function minutesErrorField(fields: MinutesFields): "minutesChoice" | "minutesOther" {
  return fields.minutesChoice === OTHER_MINUTES || (!fields.minutesChoice && (fields.minutesOther ?? "").trim() !== "") ? "minutesOther" : "minutesChoice";
}

