import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The page's address in a box people can copy from; with JavaScript, a button copies it and
 * says so (in a live region, so screen reader users hear it too).
 */
export function CopyLink({ link }: { link: string }) {
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [copied, setCopied] = useState(false);
  return (
    <div className="govuk-form-group app-copy-link">
      <label className="govuk-label govuk-label--s" htmlFor="share-link">
        Link to this page
      </label>
      <input className="govuk-input" id="share-link" type="text" readOnly value={link} spellCheck={false} />
      {scripted ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          Copy link
        </button>
      ) : null}
      <p className="govuk-body-s" aria-live="polite">
        {copied ? "Link copied" : ""}
      </p>
    </div>
  );
}
