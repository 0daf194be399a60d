import type { ReactNode } from "react";

interface ErrorMessageProps {
  id?: string;
  /** Read before the message by screen readers; GOV.UK uses "Error". */
  visuallyHiddenText?: string;
  children: ReactNode;
}

/** A GOV.UK error message shown next to the field it is about. */
export function ErrorMessage({ id, visuallyHiddenText = "Error", children }: ErrorMessageProps) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{visuallyHiddenText}:</span> {children}
    </p>
  );
}
