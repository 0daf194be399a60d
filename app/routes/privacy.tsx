import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageText } from "~/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { copy } = await pageText(request, "pages");
  return json({ text: copy("privacy") });
}

const SECTIONS = [
  ["check", ["keep", "send"]],
  ["referral", ["consent", "delete"]],
  ["course", ["keep", "delete"]],
  ["account", ["text"]],
  ["who", ["text"]],
] as const;

export default function PrivacyNotice() {
  const { text } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{text.title}</h1>
        <p className="govuk-body">{text.intro}</p>
        {SECTIONS.map(([section, paragraphs]) => (
          <section key={section}>
            <h2 className="govuk-heading-m">{text[`${section}.heading`]}</h2>
            {paragraphs.map((p) => (
              <p key={p} className="govuk-body">
                {text[`${section}.${p}`]}
              </p>
            ))}
          </section>
        ))}
        <h2 className="govuk-heading-m">{text["rights.heading"]}</h2>
        <p className="govuk-body">
          {text["rights.text"]}{" "}
          <a className="govuk-link" href="mailto:privacy@waymark.example.org">
            privacy@waymark.example.org
          </a>
          . {text["rights.complain"]}
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.text.metaTitle ?? "Privacy notice – Waymark" }];
