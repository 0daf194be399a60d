import type { Role } from "~db/schema/accounts";
import { can } from "~/accounts/policy";

/**
 * Rules for assisted triage that are not about the questions: where the conversation happens,
 * which area a result belongs to, and who may read a finished one.
 */

export const VENUES = [
  { id: "library", label: "A library" },
  { id: "community-centre", label: "A community centre, church or hall" },
  { id: "jobcentre", label: "A Jobcentre or work club" },
  { id: "housing-office", label: "A housing office or estate" },
  { id: "home-visit", label: "The person's home" },
  { id: "outreach", label: "A mobile bus, stall or outreach session" },
  { id: "phone", label: "On the phone" },
  { id: "other", label: "Somewhere else" },
] as const;
export type VenueId = (typeof VENUES)[number]["id"];
export const VENUE_IDS = VENUES.map((v) => v.id) as [VenueId, ...VenueId[]];

export interface AreaWithDistricts {
  id: string;
  districts: readonly string[];
}

/**
 * The area a result is counted in: the one the champion chose, else the area whose districts
 * include the outward code, else the champion's first area, so every assisted triage shows up
 * in some coordinator's reports.
 */
export function chooseArea(input: { chosenAreaId: string | null; outwardCode: string | null; areas: readonly AreaWithDistricts[]; userAreaIds: readonly string[] }): string | null {
  if (input.chosenAreaId) return input.chosenAreaId;
  const byPostcode = input.outwardCode ? input.areas.find((a) => a.districts.includes(input.outwardCode!)) : undefined;
  return byPostcode?.id ?? input.userAreaIds[0] ?? null;
}

export interface Reader {
  id: string;
  role: Role;
  areaIds: readonly string[];
}

/**
 * Who may open an assisted result: the person who ran it, coordinators of its area, and admins.
 * Anyone else is told it does not exist, so references cannot be probed.
 */
export function canReadTriageResult(reader: Reader, result: { createdByUserId: string | null; areaId: string | null }): boolean {
  if (reader.role === "admin") return true;
  if (can(reader.role, "triage:read:own") && result.createdByUserId === reader.id) return true;
  return can(reader.role, "triage:read:area") && result.areaId !== null && reader.areaIds.includes(result.areaId);
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /(?:\+?\d[\s-]?){10,}/;

/**
 * Observations are about what the champion noticed, never who the person is. Names cannot be
 * spotted by a machine, but contact details can, and they are refused.
 */
export function observationProblem(text: string): string | null {
  if (EMAIL.test(text)) return "Do not write an email address in the notes. Remove it and try again";
  if (PHONE.test(text)) return "Do not write a phone number in the notes. Remove it and try again";
  return null;
}
