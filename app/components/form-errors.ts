/** One entry in an error summary: a link to the field at fault and the message shown beside it. */
export interface ErrorSummaryItem {
  href: string;
  text: string;
}

/**
 * Turns field errors into error summary links, in the order the fields were given, skipping
 * fields without an error. `idFor` maps a field name to the id of the element to focus, for
 * fields whose first input is not id'd by its name (a date input's day box, for instance).
 */
export function errorSummaryItems(
  errors: Record<string, string | undefined>,
  idFor: (field: string) => string = (field) => field,
): ErrorSummaryItem[] {
  return Object.entries(errors).flatMap(([field, text]) => (text ? [{ href: `#${idFor(field)}`, text }] : []));
}
