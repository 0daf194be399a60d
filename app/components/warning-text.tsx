import type { ReactNode } from "react";

interface WarningTextProps {
  /** Read out in place of the "!" icon. */
  iconFallbackText?: string;
  children: ReactNode;
}

/** GOV.UK warning text for something the reader must not miss. */
export function WarningText({ iconFallbackText = "Warning", children }: WarningTextProps) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>{" "}
        {children}
      </strong>
    </div>
  );
}
