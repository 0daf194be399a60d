/** Joins the truthy class names with single spaces, so optional modifiers need no string juggling. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}

/** Heading-like sizes shared by labels, legends and captions. */
export type TextSize = "s" | "m" | "l" | "xl";

/** Joins ids for aria-describedby; undefined when there are none so React omits the attribute. */
export function describedByIds(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = classNames(...ids);
  return joined === "" ? undefined : joined;
}
