import type { Role } from "~db/schema/accounts";
import { can, type Permission } from "~/accounts/policy";

interface Section {
  href: string;
  text: string;
  /** Shown to signed-in users who hold this permission; signed-out visitors see `public` sections. */
  permission?: Permission;
  public?: boolean;
}

const SECTIONS: Section[] = [
  { href: "/check", text: "Check yourself", public: true },
  { href: "/triage", text: "Triage", permission: "triage:create" },
  { href: "/referrals", text: "Referrals", permission: "referral:read:own" },
  { href: "/referrals", text: "Referrals", permission: "referral:read:own-org" },
  { href: "/services", text: "Find help", public: true },
  { href: "/directory/manage", text: "Listings", permission: "directory:edit:own-org" },
  { href: "/directory/manage", text: "Listings", permission: "directory:edit:area" },
  { href: "/courses/manage", text: "Courses", permission: "course:manage:own-org" },
  { href: "/courses/manage", text: "Courses", permission: "course:manage:area" },
  { href: "/people-helped", text: "People helped", permission: "people-helped:log" },
  { href: "/knowledge", text: "Guides", public: true },
  { href: "/training", text: "Training", permission: "training:take" },
  { href: "/outreach", text: "Outreach", permission: "outreach:send:area" },
  { href: "/outreach", text: "Outreach", permission: "outreach:send:own-org" },
  { href: "/reports", text: "Reports", permission: "reports:read:area" },
  { href: "/admin", text: "Admin", permission: "users:manage:area" },
];

/** The header's sections for this visitor, with the current one marked. */
export function navigationFor(role: Role | null, pathname: string) {
  const seen = new Set<string>();
  return SECTIONS.filter((section) => {
    // Signed-in helpers use the assisted triage rather than the resident's self-check.
    const shown = role ? (section.permission ? can(role, section.permission) : section.href !== "/check") : section.public;
    if (!shown || seen.has(section.href)) return false;
    seen.add(section.href);
    return true;
  }).map((section) => ({
    href: section.href,
    text: section.text,
    active: pathname === section.href || pathname.startsWith(`${section.href}/`),
  }));
}
