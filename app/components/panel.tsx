import type { ReactNode } from "react";

interface PanelProps {
  title: ReactNode;
  headingLevel?: 1 | 2 | 3;
  /** Usually the reference number the person should keep. */
  children?: ReactNode;
}

/** The GOV.UK confirmation panel shown when a journey is complete. */
export function Panel({ title, headingLevel = 1, children }: PanelProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <Heading className="govuk-panel__title">{title}</Heading>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
