import type { ReactNode } from "react";
import { classNames, type TextSize } from "./class-names";

interface LabelProps {
  htmlFor: string;
  /** A page-heading label is wrapped in an h1 and defaults to size "l". */
  isPageHeading?: boolean;
  size?: TextSize;
  className?: string;
  children: ReactNode;
}

/** A GOV.UK label, optionally doubling as the page's h1. */
export function Label({ htmlFor, isPageHeading = false, size, className, children }: LabelProps) {
  const effectiveSize = size ?? (isPageHeading ? "l" : undefined);
  const label = (
    <label className={classNames("govuk-label", effectiveSize && `govuk-label--${effectiveSize}`, className)} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
