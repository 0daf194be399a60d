import type { OrganisationKind } from "~db/schema/accounts";

export const ORGANISATION_KINDS: Record<OrganisationKind, string> = {
  council: "Council",
  "housing-association": "Housing association",
  library: "Library",
  college: "College",
  "jobcentre-partner": "Jobcentre partner",
  "voluntary-group": "Voluntary or community group",
  "service-provider": "Service provider",
};

export const ORGANISATION_KIND_VALUES = Object.keys(ORGANISATION_KINDS) as [OrganisationKind, ...OrganisationKind[]];
