import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The page's address in a box people can copy from; with JavaScript, a button copies it and
 * says so (in a live region, so screen reader users hear it too).
 */
const ENGLISH = { label: "Link to this page", copy: "Copy link", copied: "Link copied" };

export function CopyLink({ link, words = ENGLISH }: { link: string; words?: typeof ENGLISH }) {
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [copied, setCopied] = useState(false);
  return (
    <div className="govuk-form-group app-copy-link">
      <label className="govuk-label govuk-label--s" htmlFor="share-link">
        {words.label}
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
          {words.copy}
        </button>
      ) : null}
      <p className="govuk-body-s" aria-live="polite">
        {copied ? words.copied : ""}
      </p>
    </div>
  );
}
