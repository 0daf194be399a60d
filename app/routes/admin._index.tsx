import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import type { Permission } from "~/accounts/policy";

interface Section {
  href: string;
  title: string;
  description: string;
  permissions: Permission[];
}

const SECTIONS: Section[] = [
  { href: "/admin/users", title: "Users", description: "Invite people, change their role and areas, and deactivate accounts.", permissions: ["users:manage:area", "users:manage:all"] },
  { href: "/admin/organisations", title: "Organisations", description: "The partner organisations people’s accounts belong to.", permissions: ["organisations:manage"] },
  { href: "/admin/areas", title: "Areas", description: "The places the partnership covers and their postcode districts.", permissions: ["organisations:manage"] },
  { href: "/admin/audit", title: "Audit log", description: "Who signed in, and who changed or viewed which record, and when.", permissions: ["audit:read", "audit:read:area"] },
  { href: "/admin/outbox", title: "Outbox", description: "Emails and text messages Waymark has sent or is trying to send.", permissions: ["messages:read"] },
];

const ALL = [...new Set(SECTIONS.flatMap((s) => s.permissions))];

export async function loader({ request }: LoaderFunctionArgs) {
  const { held } = await requireAnyPermission(request, ALL);
  return json({
    sections: SECTIONS.filter((s) => s.permissions.some((p) => held.includes(p))).map(({ href, title, description }) => ({ href, title, description })),
  });
}

export default function AdminHome() {
  const { sections } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Admin</h1>
      <p className="govuk-body">What you can manage with your account.</p>
      <ul className="govuk-list">
        {sections.map((section) => (
          <li key={section.href} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              <a className="govuk-link" href={section.href}>
                {section.title}
              </a>
            </h2>
            <p className="govuk-body">{section.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Admin – Waymark" }];
