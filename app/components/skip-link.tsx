import type { ReactNode } from "react";

interface SkipLinkProps {
  href?: string;
  children?: ReactNode;
}

/** The GOV.UK skip link, first in the body, jumping keyboard users past the header. */
export function SkipLink({ href = "#main-content", children = "Skip to main content" }: SkipLinkProps) {
  return (
    <a href={href} className="govuk-skip-link" data-module="govuk-skip-link">
      {children}
    </a>
  );
}
