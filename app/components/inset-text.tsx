import type { ReactNode } from "react";

/** GOV.UK inset text, setting apart a quotation, example or note. */
export function InsetText({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-inset-text">
      {children}
    </div>
  );
}
