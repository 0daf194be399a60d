import type { ReactNode } from "react";
import type { ErrorSummaryItem } from "./form-errors";

export interface ErrorSummaryProps {
  title?: ReactNode;
  description?: ReactNode;
  errors: ErrorSummaryItem[];
}

/**
 * The GOV.UK error summary listing every error with a link to its field. Renders nothing
 * when there are no errors; govuk-frontend's script moves focus to it on page load.
 */
export function ErrorSummary({ title = "There is a problem", description, errors }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description ? <p>{description}</p> : null}
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href} ${error.text}`}>
                <a href={error.href}>{error.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
