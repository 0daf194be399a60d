import type { MetaFunction } from "@remix-run/node";

export default function Home() {
  return (
    <>
      <h1 className="govuk-heading-xl">Get online, and find help near you</h1>
      <p className="govuk-body-l">
        Waymark helps people in Maidstone, Thanet and Tunbridge Wells get online: to find the right help nearby, and to
        check what would make things easier.
      </p>

      <div className="app-doors">
        <section className="app-door" aria-labelledby="door-check">
          <h2 className="govuk-heading-m" id="door-check">
            Check yourself
          </h2>
          <p className="govuk-body">
            Answer a few short questions about using the internet. You will get a plan with next steps and help near you.
            It takes about 10 minutes and you do not need to give your name.
          </p>
          <a href="/check" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start the check
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </a>
        </section>

        <section className="app-door" aria-labelledby="door-find">
          <h2 className="govuk-heading-m" id="door-find">
            Find help near you
          </h2>
          <p className="govuk-body">
            Search for free help with devices, data, skills, job search, Universal Credit and more. Search by postcode to
            see what is closest.
          </p>
          <form method="get" action="/services" className="govuk-!-margin-bottom-0">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="home-postcode">
                Your postcode
              </label>
              <input className="govuk-input govuk-input--width-10" id="home-postcode" name="postcode" type="text" autoComplete="postal-code" spellCheck={false} />
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Find help
            </button>
          </form>
        </section>

        <section className="app-door" aria-labelledby="door-staff">
          <h2 className="govuk-heading-m" id="door-staff">
            Champions and staff
          </h2>
          <p className="govuk-body">
            Digital Champions, frontline staff, service providers and coordinators: sign in to run a triage, make and track
            referrals, and see reports.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/login">
              Sign in to Waymark
            </a>
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/knowledge">
              Read the guides for champions
            </a>
          </p>
        </section>
      </div>

      <h2 className="govuk-heading-m">Other ways to get help</h2>
      <p className="govuk-body">
        You can ask at your local library or community centre. Many have free computers, free Wi-Fi and people who can
        help you. You can also <a className="govuk-link" href="/services?attending=phone">find help you can get by phone</a>.
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [
  { title: "Waymark – get online and find help near you" },
  { name: "description", content: "Check what would help you get online, and find free digital help near you." },
];
