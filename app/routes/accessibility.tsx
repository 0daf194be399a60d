import type { MetaFunction } from "@remix-run/node";

export default function AccessibilityStatement() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement for Waymark</h1>
        <p className="govuk-body">
          Waymark is run by the digital inclusion partnership for Maidstone, Thanet and Tunbridge Wells. We want as many
          people as possible to be able to use it. That includes people who are new to the internet, people using an old or
          basic phone, and people who use assistive technology.
        </p>
        <h2 className="govuk-heading-m">What you should be able to do</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use the whole service on a small phone screen, 320 pixels wide</li>
          <li>use the whole service with a keyboard, a switch or speech recognition software</li>
          <li>use the whole service with a screen reader, such as NVDA, JAWS, TalkBack or VoiceOver</li>
          <li>use the whole service with JavaScript switched off</li>
          <li>paste your password and use a password manager when you sign in</li>
          <li>print your plan or a list of services on paper</li>
        </ul>
        <p className="govuk-body">
          We have written the pages for residents in plain English, with one question on each page, so they are easier to
          read and to answer.
        </p>
        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">
          We test every page against the Web Content Accessibility Guidelines (WCAG) version 2.2, level AA, with automated
          checks every time the service changes, and by using it with a keyboard and at small screen sizes. We know of no
          parts of the service that fail these guidelines. If you find one, please tell us.
        </p>
        <h2 className="govuk-heading-m">Feedback and contact information</h2>
        <p className="govuk-body">
          If you find a problem, or you need information in a different format such as large print, easy read or another
          language, ask the person who is helping you, or email the partnership at{" "}
          <a className="govuk-link" href="mailto:access@waymark.example.org">
            access@waymark.example.org
          </a>
          . We will reply within 5 working days.
        </p>
        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you
          are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).
        </p>
        <h2 className="govuk-heading-m">Preparation of this statement</h2>
        <p className="govuk-body">This statement was prepared on 23 November 2026. It will be reviewed at least once a year.</p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Accessibility statement – Waymark" }];
