import type { ReactNode } from "react";
import { classNames, type TextSize } from "./class-names";

export interface FieldsetProps {
  legend?: ReactNode;
  /** A page-heading legend wraps its text in an h1 and defaults to size "l". */
  isPageHeading?: boolean;
  size?: TextSize;
  describedBy?: string;
  role?: string;
  children: ReactNode;
}

/** A GOV.UK fieldset grouping related inputs under a legend. */
export function Fieldset({ legend, isPageHeading = false, size, describedBy, role, children }: FieldsetProps) {
  const effectiveSize = size ?? (isPageHeading ? "l" : undefined);
  return (
    <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy || undefined}>
      {legend ? (
        <legend className={classNames("govuk-fieldset__legend", effectiveSize && `govuk-fieldset__legend--${effectiveSize}`)}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
      ) : null}
      {children}
    </fieldset>
  );
}
