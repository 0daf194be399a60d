import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** The attribute that marks a submit button whose form must be sent once per press, not twice. */
export const SUBMIT_ONCE_ATTRIBUTE = "data-submit-once";

/**
 * Stops a second press of a `data-submit-once` button while its first press is still being sent,
 * and never at any other time.
 *
 * govuk-frontend's own guard (`data-prevent-double-click`) ignores every press for a second after
 * the last one, whatever happened meanwhile. Remix answers a form with an error in well under a
 * second, so a resident who corrected the error quickly pressed a button that did nothing. Here a
 * press is refused only while Remix is submitting (its navigation state), or, for forms that load
 * a new document (`reloadDocument`), until that document arrives or the page is shown again.
 */
export function useSubmitOnce(): void {
  const submitting = useNavigation().state === "submitting";
  const submittingRef = useRef(submitting);
  useEffect(() => {
    submittingRef.current = submitting;
  }, [submitting]);

  useEffect(() => {
    let leavingDocument = false;
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target?.closest(`[${SUBMIT_ONCE_ATTRIBUTE}]`)) return;
      if (submittingRef.current || leavingDocument) event.preventDefault();
    };
    const onSubmit = (event: SubmitEvent) => {
      // Remix sends its own forms with fetch and prevents the browser's submission; a form it
      // leaves alone replaces the document, and a second press would send it again.
      if (event.defaultPrevented) return;
      if (event.submitter?.hasAttribute(SUBMIT_ONCE_ATTRIBUTE)) leavingDocument = true;
    };
    const onPageShow = () => {
      leavingDocument = false;
    };
    // Capture, so the press is refused before the browser turns it into a submission.
    window.addEventListener("click", onClick, true);
    window.addEventListener("submit", onSubmit);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("submit", onSubmit);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
}
