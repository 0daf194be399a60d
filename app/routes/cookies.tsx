import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/table";
import { pageText } from "~/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { copy } = await pageText(request, "pages");
  return json({ text: copy("cookies") });
}

export default function Cookies() {
  const { text } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{text.title}</h1>
        <p className="govuk-body">{text.intro}</p>
        <Table
          caption={text.caption}
          captionSize="m"
          head={[{ text: text.name }, { text: text.purpose }, { text: text.expires }]}
          rows={[
            ["waymark_session", text["session.purpose"], text["session.expires"]],
            ["waymark_language", text["language.purpose"], text["language.expires"]],
          ]}
        />
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.text.metaTitle ?? "Cookies – Waymark" }];
