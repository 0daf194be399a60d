import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageText } from "~/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { copy } = await pageText(request, "pages");
  return json({ text: copy("accessibility") });
}

const CAN_DO = ["zoom", "small", "keyboard", "screenReader", "noScript", "password", "print"] as const;

export default function AccessibilityStatement() {
  const { text } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{text.title}</h1>
        <p className="govuk-body">{text.intro}</p>
        <h2 className="govuk-heading-m">{text["canDo.heading"]}</h2>
        <ul className="govuk-list govuk-list--bullet">
          {CAN_DO.map((key) => (
            <li key={key}>{text[`canDo.${key}`]}</li>
          ))}
        </ul>
        <p className="govuk-body">{text.plain}</p>
        <h2 className="govuk-heading-m">{text["how.heading"]}</h2>
        <p className="govuk-body">{text["how.text"]}</p>
        <h2 className="govuk-heading-m">{text["feedback.heading"]}</h2>
        <p className="govuk-body">
          {text["feedback.text"]}{" "}
          <a className="govuk-link" href="mailto:access@waymark.example.org">
            access@waymark.example.org
          </a>
          . {text["feedback.reply"]}
        </p>
        <h2 className="govuk-heading-m">{text["enforcement.heading"]}</h2>
        <p className="govuk-body">{text["enforcement.text"]}</p>
        <h2 className="govuk-heading-m">{text["preparation.heading"]}</h2>
        <p className="govuk-body">{text["preparation.text"]}</p>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.text.metaTitle ?? "Accessibility statement – Waymark" }];
