import type { ReactNode } from "react";
import { classNames } from "./class-names";

interface ScrollRegionProps {
  /** Names the region for screen readers; usually the table's caption. */
  label: string;
  /** Keeps a wide table at its natural width so it scrolls sideways on phones instead of squashing. */
  wide?: boolean;
  children: ReactNode;
}

/**
 * A box that scrolls sideways when a table is wider than the screen. It is a named region that
 * takes keyboard focus, so people who cannot use a mouse or touch can still scroll it (WCAG 2.1.1).
 */
export function ScrollRegion({ label, wide = false, children }: ScrollRegionProps) {
  return (
    <div className={classNames("app-table-scroll", wide && "app-table-scroll--wide")} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
