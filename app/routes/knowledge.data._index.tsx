import type { MetaFunction } from "@remix-run/node";
import { InsetText } from "~/components/inset-text";
import { BackLink } from "~/components/back-link";
import { SUPPRESSION_THRESHOLD } from "~/knowledge/open-data";
import { COMPLEMENTARY_MARKER, smallCountMarker } from "~/reports/disclosure";

const DATA_SETS = [
  {
    id: "directory",
    title: "Directory of local help",
    description:
      "Every published service in the Waymark directory, with its organisation, locations, contact details, opening times and categories.",
    files: [
      { href: "/knowledge/data/directory.json", text: "Download the directory as ORUK JSON", format: "JSON, Open Referral UK 3.0, an array of full service records" },
      {
        href: "/knowledge/data/directory.csv",
        text: "Download the directory as CSV",
        format: "CSV, one row for each service: name, organisation, categories, area, postcode district, whether it is free, how people can attend, phone, email, website and when it was last checked",
      },
    ],
  },
  {
    id: "triage",
    title: "Triage statistics",
    description:
      "How many triage checks were completed each month in each partnership area, and how many of them found each barrier (at “some” or “high”). Checks done by champions and self-checks by residents are both counted.",
    files: [{ href: "/knowledge/data/triage-statistics.csv", text: "Download triage statistics as CSV", format: "CSV, one row for each month and area" }],
  },
  {
    id: "referrals",
    title: "Referral statistics",
    description:
      "How many referrals were made each month in each area to services in each directory category, and how each one has ended so far: for example got help, declined, could not be contacted or still in progress.",
    files: [{ href: "/knowledge/data/referral-statistics.csv", text: "Download referral statistics as CSV", format: "CSV, one row for each month, area and category" }],
  },
] as const;

export default function OpenData() {
  return (
    <>
      <BackLink href="/knowledge">Guides and training</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Open data</h1>
          <p className="govuk-body-l">Download the Waymark directory and anonymous statistics. Each file is made from the live database when you download it.</p>
          <p className="govuk-body">
            Read <a className="govuk-link" href="/knowledge/data-sets-explained">our open data sets and how to use them</a> for what each column means
            and ideas for finding gaps in local help.
          </p>
          {DATA_SETS.map((set) => (
            <section key={set.id} aria-labelledby={`${set.id}-heading`}>
              <h2 className="govuk-heading-m" id={`${set.id}-heading`}>
                {set.title}
              </h2>
              <p className="govuk-body">{set.description}</p>
              <ul className="govuk-list app-link-list">
                {set.files.map((file) => (
                  <li key={file.href}>
                    <a className="govuk-link" href={file.href} download>
                      {file.text}
                    </a>
                    <p className="app-meta govuk-!-margin-top-1">{file.format}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <h2 className="govuk-heading-m">How privacy is protected</h2>
          <p className="govuk-body">The statistics hold counts only, never records about a person, and go no deeper than a month and a partnership area.</p>
          <InsetText>
            Any count from 1 to {SUPPRESSION_THRESHOLD - 1} is shown as “{smallCountMarker(SUPPRESSION_THRESHOLD)}”. Where a row or column has only one
            such count, the next smallest count is hidden too and shown as “{COMPLEMENTARY_MARKER}”, so the small number cannot be worked out from a
            total. A barrier count is hidden the same way when it falls 1 to {SUPPRESSION_THRESHOLD - 1} short of the triages, since taking it away
            would count the few who did not have that barrier.
          </InsetText>
          <h2 className="govuk-heading-m">For developers</h2>
          <p className="govuk-body">
            The directory is also available live through the Open Referral UK read API, for example{" "}
            <a className="govuk-link" href="/api/oruk/services?per_page=200">
              /api/oruk/services?per_page=200
            </a>
            . The API is open to any site and pages its results.
          </p>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Open data – Waymark" }];
