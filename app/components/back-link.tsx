import type { ReactNode } from "react";

interface BackLinkProps {
  /** A real URL, not history.back(), so the link works without JavaScript. */
  href: string;
  children?: ReactNode;
}

/** The GOV.UK back link, placed above the main content. */
export function BackLink({ href, children = "Back" }: BackLinkProps) {
  return (
    <a href={href} className="govuk-back-link">
      {children}
    </a>
  );
}
