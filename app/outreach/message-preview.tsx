import type { Preview } from "./compose.server";

/** The message as one person will get it, in a phone-sized frame, with who it reaches and what it costs. */
export function MessagePreview({ preview }: { preview: Preview }) {
  return (
    <section aria-labelledby="preview" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="preview">
        Preview
      </h2>
      <p className="govuk-body-l">
        This will go to: <strong>{preview.countText}</strong>
      </p>
      <div className="app-phone">
        {preview.subject ? <p className="govuk-body govuk-!-font-weight-bold">{preview.subject}</p> : null}
        <p className="govuk-body app-phone__bubble">{preview.body}</p>
      </div>
      {preview.sms ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Length</dt>
            <dd className="govuk-summary-list__value">
              {preview.sms.length} characters ({preview.sms.encoding}), {preview.sms.fragments} text message {preview.sms.fragments === 1 ? "part" : "parts"}. One part holds {preview.sms.singleLimit} characters; longer
              messages go in parts of {preview.sms.fragmentLimit}.
              {preview.sms.unicodeCharacters.length > 0 ? ` These characters make it Unicode, which fits fewer in each part: ${preview.sms.unicodeCharacters.join(" ")}` : ""}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Cost estimate</dt>
            <dd className="govuk-summary-list__value">{preview.sms.costText} plus VAT, once the free allowance is used up</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
