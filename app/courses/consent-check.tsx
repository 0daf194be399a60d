import { Checkboxes } from "~/components/checkboxes";
import { InsetText } from "~/components/inset-text";

/** The words the person agrees to, read out to them, and the tick that records they did. */
export function ConsentCheck({ consentText, error, checked }: { consentText: string; error?: string; checked: boolean }) {
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-1">Read this to them:</p>
      <InsetText>{consentText}</InsetText>
      <Checkboxes name="consent" error={error} defaultValues={checked ? ["yes"] : []} items={[{ value: "yes", text: "They agree to this" }]} />
    </>
  );
}
