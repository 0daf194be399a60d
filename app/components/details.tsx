import type { ReactNode } from "react";

interface DetailsProps {
  summary: ReactNode;
  id?: string;
  open?: boolean;
  children: ReactNode;
}

/** GOV.UK details: a native disclosure, so it opens and closes without JavaScript. */
export function Details({ summary, id, open, children }: DetailsProps) {
  return (
    <details id={id} className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
