import type { OutreachSource } from "./outreach";

/**
 * The offer at the end of a check, a triage or a referral: a link to the sign-up page, which
 * holds the words to agree to. Nothing is signed up from here, so it is off until the person
 * chooses it.
 */
export function OutreachOptIn({ from, reference, forSomeoneElse = false }: { from: OutreachSource; reference: string; forSomeoneElse?: boolean }) {
  const href = `/outreach/join?${new URLSearchParams({ from, ref: reference })}`;
  return (
    <section aria-labelledby="outreach-opt-in" className="app-no-print">
      <h2 className="govuk-heading-m" id="outreach-opt-in">
        Hear about help near {forSomeoneElse ? "them" : "you"}
      </h2>
      <p className="govuk-body">
        {forSomeoneElse ? "They can" : "You can"} get a text or email when there is a new course, free devices or data, or a drop-in session nearby. At most 2 a month, and easy to stop.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={href}>
          {forSomeoneElse ? "Sign them up for news about help near them" : "Send me news about help near me"}
        </a>
      </p>
    </section>
  );
}
