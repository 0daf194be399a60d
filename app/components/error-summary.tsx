import { useEffect, useRef, type ReactNode } from "react";
import type { ErrorSummaryItem } from "./form-errors";

export interface ErrorSummaryProps {
  title?: ReactNode;
  description?: ReactNode;
  errors: ErrorSummaryItem[];
}

/**
 * The GOV.UK error summary listing every error with a link to its field. Renders nothing
 * when there are no errors. Focus moves to it whenever it appears or its errors change, so a
 * screen reader hears it after a form sent with JavaScript as well as after a page load
 * (govuk-frontend's script only sees the summaries present when the page first loads).
 */
export function ErrorSummary({ title = "There is a problem", description, errors }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.map((error) => `${error.href} ${error.text}`).join("\n");
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
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
