import type { ReactNode } from "react";
import { classNames } from "./class-names";

export type TagColour =
  | "grey"
  | "green"
  | "turquoise"
  | "blue"
  | "light-blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

/** A GOV.UK tag showing a status; without a colour it uses the default tag style. */
export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={classNames("govuk-tag", colour && `govuk-tag--${colour}`)}>{children}</strong>;
}
