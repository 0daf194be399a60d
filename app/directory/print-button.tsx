import { useSyncExternalStore, type ReactNode } from "react";

// True only once the page is running in a browser with JavaScript; false on the server and while hydrating.
const noSubscription = () => () => {};

/**
 * A print button once JavaScript is running (printing needs window.print); before that, and
 * without JavaScript, a line saying how to print from the browser instead of a button that
 * would do nothing.
 */
export function PrintButton({ children, hint = "To print, use your browser’s Print option." }: { children: ReactNode; hint?: string }) {
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!scripted) return <p className="govuk-body app-print-hint">{hint}</p>;
  return (
    <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
      {children}
    </button>
  );
}
