import { actorFor, recordAudit } from "~/accounts/audit.server";
import type { CurrentUser } from "~/accounts/auth.server";
import type { Db } from "~/lib/db.server";
import { type OutreachReach, outreachReach, reachableAreas } from "./access";
import { type CampaignForm, ukLocalTimeToDate } from "./campaign-form";
import { personalMessage, SAMPLE_LINKS } from "./campaign-message";
import { countAudience, createCampaign, isAllowedSender } from "./campaigns.server";
import { audienceCountText, SMALL_COUNT } from "./outreach";
import { formatPounds, smsCostPence, smsLength } from "./sms-length";

export async function reachOf(db: Db, user: CurrentUser): Promise<OutreachReach> {
  const allowed = user.role === "provider" ? await isAllowedSender(db, user.organisationId) : false;
  return outreachReach(user, allowed);
}

/** The areas and services a sender may choose from. */
export async function composeOptions(db: Db, reach: OutreachReach) {
  const areaIds = reachableAreas(reach);
  let areas = db.selectFrom("areas").select(["id", "name"]).orderBy("name");
  if (areaIds) areas = areas.where("id", "in", areaIds.length > 0 ? areaIds : [""]);
  let services = db.selectFrom("services").select(["id", "name"]).where("status", "=", "active").orderBy("name");
  if (reach.kind === "own-org") services = services.where("organisation_id", "=", reach.organisationId);
  else if (areaIds) services = services.where("area_id", "in", areaIds.length > 0 ? areaIds : [""]);
  return { areas: await areas.execute(), services: await services.limit(500).execute() };
}

export interface Preview {
  countText: string;
  subject: string;
  body: string;
  sms: { encoding: string; length: number; fragments: number; singleLimit: number; fragmentLimit: number; unicodeCharacters: string[]; costText: string } | null;
}

/** The count shown as people may see it, and the message exactly as one person would get it. */
export async function previewCampaign(db: Db, form: CampaignForm, options: { baseUrl: string; replyStop: boolean; pencePerFragment: number }): Promise<Preview> {
  const count = await countAudience(db, form.audience, form.channel);
  const service = form.serviceId ? await db.selectFrom("services").select("name").where("id", "=", form.serviceId).executeTakeFirst() : undefined;
  const text = personalMessage({ channel: form.channel, subject: form.subject, body: form.body, serviceName: service?.name ?? null }, { baseUrl: options.baseUrl, ...SAMPLE_LINKS, replyStop: options.replyStop });
  const length = form.channel === "sms" ? smsLength(text.body) : null;
  return {
    countText: audienceCountText(count),
    subject: text.subject,
    body: text.body,
    sms: length ? { ...length, costText: costText(length.fragments, count, options.pencePerFragment) } : null,
  };
}

/** A small audience's exact cost would give away its size, so it is shown as a ceiling. */
function costText(fragments: number, count: number, pencePerFragment: number): string {
  if (count > 0 && count < SMALL_COUNT) return `Under ${formatPounds(smsCostPence(fragments, SMALL_COUNT, pencePerFragment))}`;
  return formatPounds(smsCostPence(fragments, count, pencePerFragment));
}

export type ScheduleResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/** Checks the audience and service are within the sender's reach, then schedules the campaign. */
export async function scheduleCampaign(db: Db, user: CurrentUser, reach: OutreachReach, form: CampaignForm, options: { ip?: string | null; now?: Date } = {}): Promise<ScheduleResult> {
  const now = options.now ?? new Date();
  const { areas, services } = await composeOptions(db, reach);
  const errors: Record<string, string> = {};
  if (!form.audience.areaIds.every((id) => areas.some((a) => a.id === id))) errors.areaIds = "Choose areas from the list";
  if (form.serviceId && !services.some((s) => s.id === form.serviceId)) errors.serviceId = "Choose a service from the list";
  if (reach.kind === "own-org" && !form.serviceId) errors.serviceId = "Choose which of your services this is about";
  const sendAfter = form.when === "later" ? ukLocalTimeToDate(form.sendDate, form.sendTime) : now;
  if (!sendAfter) errors.sendDate = "Enter a real date, like 2027-03-14";
  else if (form.when === "later" && sendAfter.getTime() < now.getTime()) errors.sendDate = "The date and time must be in the future";
  if (Object.keys(errors).length > 0 || !sendAfter) return { ok: false, errors };
  const organisationId = user.organisationId;
  const count = await countAudience(db, form.audience, form.channel);
  // The campaign and its audit row are written together: no campaign can exist unrecorded.
  const id = await db.transaction().execute(async (trx) => {
    const created = await createCampaign(trx, { name: form.name, channel: form.channel, subject: form.subject, body: form.body, audience: form.audience, serviceId: form.serviceId, organisationId, createdByUserId: user.id, sendAfter }, now);
    await recordAudit(
      trx,
      { actor: actorFor(user), action: "outreach-campaign-scheduled", recordType: "outreach_campaign", recordId: created, areaId: form.audience.areaIds.length === 1 ? form.audience.areaIds[0] : null, detail: { channel: form.channel, audience: form.audience, countNow: count, sendAfter: sendAfter.toISOString() }, ip: options.ip },
      now,
    );
    return created;
  });
  return { ok: true, id };
}
