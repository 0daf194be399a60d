import type { ReactNode } from "react";

interface PhaseBannerProps {
  /** The phase, e.g. "Beta". */
  tag: string;
  children: ReactNode;
}

/** The GOV.UK phase banner under the header, usually inviting feedback. */
export function PhaseBanner({ tag, children }: PhaseBannerProps) {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{tag}</strong>{" "}
        <span className="govuk-phase-banner__text">{children}</span>
      </p>
    </div>
  );
}
