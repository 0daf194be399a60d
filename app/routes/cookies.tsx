import type { MetaFunction } from "@remix-run/node";
import { Table } from "~/components/table";

export default function Cookies() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Cookies</h1>
        <p className="govuk-body">
          Cookies are small files saved on your phone, tablet or computer when you visit a website. Waymark uses two cookies:
          one the service cannot work without, and one that remembers the language you chose. We do not use cookies to track
          you or to measure how you use the website, so we do not need to ask for your permission.
        </p>
        <Table
          caption="The cookies Waymark uses"
          captionSize="m"
          head={[{ text: "Name" }, { text: "What it is for" }, { text: "When it expires" }]}
          rows={[
            [
              "waymark_session",
              "Remembers your answers as you go through the check, your list of saved services, and that you are signed in if you have an account",
              "When you close your browser, or after 4 hours without using Waymark",
            ],
            ["waymark_language", "Remembers the language you chose with the language links at the top of the page", "After 1 year"],
          ]}
        />
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Cookies – Waymark" }];
