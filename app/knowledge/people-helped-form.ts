/**
 * The "person helped" form as posted: time spent comes from preset radios or a box for any other
 * number of minutes, so it is turned into the one `minutes` value the shared schema checks, and
 * any error about it is shown beside whichever control the person used.
 *
 * The box is always on show rather than revealed by an "Other" radio: govuk-frontend's reveal
 * sets aria-expanded on a radio, which is not allowed there and fails the accessibility check.
 */
export const MINUTE_PRESETS = ["15", "30", "60"] as const;

export interface MinutesFields {
  minutesChoice?: string;
  minutesOther?: string;
}

function typed(fields: MinutesFields): string {
  return (fields.minutesOther ?? "").trim();
}

/** A number typed in the box wins over the preset (which starts ticked), as the hint promises. */
export function minutesFrom(fields: MinutesFields): string {
  if (typed(fields) !== "") return typed(fields);
  const choice = fields.minutesChoice ?? "";
  return (MINUTE_PRESETS as readonly string[]).includes(choice) ? choice : "";
}

/** Which field a minutes error belongs beside. */
export function minutesErrorField(fields: MinutesFields): "minutesChoice" | "minutesOther" {
  return typed(fields) !== "" ? "minutesOther" : "minutesChoice";
}
