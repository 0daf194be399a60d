/**
 * A resident's list of saved services, kept in their session (no account needed) and gone when
 * the session ends. Only ids are kept; a listing taken down meanwhile just drops off the list.
 */
import type { Session } from "@remix-run/node";
import type { SessionData } from "~/accounts/session.server";
import { getConfig } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import { getServiceDetail, type ServiceDetail } from "./service-detail.server";
import { getDirectoryIndex } from "./directory-index.server";
import { summariesFor } from "./service-search.server";
import type { ServiceSummary } from "./service-view";
import { SHARE_ERROR_TEXT, shareMessage, type ShareForm } from "./share-form";

export const SHORTLIST_MAX = 30;
/** Sends from one session in an hour: enough for a family, too few to make the form a spam relay. */
export const SENDS_PER_HOUR = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readShortlist(session: Session<SessionData>): string[] {
  const stored = session.get("shortlist");
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string" && UUID.test(id)) : [];
}

/** False when the list is full. */
export function addToShortlist(session: Session<SessionData>, id: string): boolean {
  const list = readShortlist(session);
  if (list.includes(id)) return true;
  if (list.length >= SHORTLIST_MAX) return false;
  session.set("shortlist", [...list, id]);
  return true;
}

export function removeFromShortlist(session: Session<SessionData>, id: string): void {
  session.set("shortlist", readShortlist(session).filter((saved) => saved !== id));
}

/** Whether a listing can be saved: published, active and so in the directory's index. */
export async function isListed(db: Db, id: string): Promise<boolean> {
  return UUID.test(id) && (await getDirectoryIndex(db)).records.has(id);
}

/** The saved services still listed, in the order they were saved. */
export async function shortlistServices(db: Db, ids: string[], now: Date = new Date()): Promise<ServiceSummary[]> {
  const directory = await getDirectoryIndex(db);
  return summariesFor(
    directory,
    ids.map((id) => ({ id, distanceKm: null, nearestLocation: null })),
    now,
  );
}

/** Counts a send against the session's hourly allowance; false when it is used up. */
export function takeSendAllowance(session: Session<SessionData>, now: Date = new Date()): boolean {
  const stored = session.get("sends");
  const recent = (Array.isArray(stored) ? stored : []).filter((t): t is number => typeof t === "number" && now.getTime() - t < 3_600_000);
  if (recent.length >= SENDS_PER_HOUR) return false;
  session.set("sends", [...recent, now.getTime()]);
  return true;
}

/** Queues the services to the address or number given, which the outbox forgets once sent. */
export async function sendServices(
  db: Db,
  form: ShareForm,
  services: ServiceSummary[],
  linkFor: (id: string) => string,
  /** The failure message in the page's language; without it, the outbox's own (English) reason. */
  sendFailed?: string,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const message = shareMessage(services, form.channel, linkFor);
  const result = await enqueueMessage(db, {
    channel: form.channel,
    to: form.to,
    subject: message.subject,
    body: message.body,
    purpose: "shortlist",
    forgetRecipient: true,
  });
  if (result.ok) return { ok: true };
  return { ok: false, errors: { to: sendFailed ?? result.errors.to ?? SHARE_ERROR_TEXT.sendFailed } };
}

/** The saved services in full, for a list that is printed or read on the way there. */
export async function shortlistDetails(db: Db, ids: string[], now: Date = new Date()): Promise<ServiceDetail[]> {
  const details = await Promise.all(ids.map((id) => getServiceDetail(db, id, now)));
  return details.filter((d): d is ServiceDetail => d !== null);
}

/** Where links in messages point: the configured public address, or the one the request came to. */
export function publicBaseUrl(request: Request): string {
  return (getConfig().BASE_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
