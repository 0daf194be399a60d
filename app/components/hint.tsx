import type { ReactNode } from "react";
import { classNames } from "./class-names";

interface HintProps {
  id?: string;
  className?: string;
  children: ReactNode;
}

/** GOV.UK hint text; give it an id so the field can point at it with aria-describedby. */
export function Hint({ id, className, children }: HintProps) {
  return (
    <div id={id} className={classNames("govuk-hint", className)}>
      {children}
    </div>
  );
}
