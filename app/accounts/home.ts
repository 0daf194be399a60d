import type { Role } from "~db/schema/accounts";

/** Where each role starts after signing in: the page with their most common job. */
export function homeFor(role: Role): string {
  switch (role) {
    case "champion":
    case "staff":
      return "/triage";
    case "provider":
      return "/referrals";
    case "coordinator":
      return "/reports";
    case "admin":
      return "/admin";
  }
}
