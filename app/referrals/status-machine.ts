/**
 * The life of a referral as an explicit state machine. Only the moves in TRANSITIONS exist; each
 * says who may make it. Pages offer `allowedMoves`, and every action goes through `applyMove`,
 * which checks the move again on the server and returns the row changes and the timeline entry.
 *
 * Main path: new → sent → accepted | declined → contacted | couldnt-contact → attended |
 * did-not-attend → outcome → closed. Moves added beyond it, and why:
 * - couldnt-contact → contacted: a later try got through.
 * - contacted → outcome: some help is given on the first call (a data voucher, tariff advice),
 *   with nothing to attend.
 * - did-not-attend → attended: the person came to a later session.
 * - couldnt-contact | did-not-attend → closed: the service has tried and is giving up.
 * - declined → closed: the referrer has seen the decline (and may refer elsewhere).
 * - new → sent by a coordinator as well as automatically: a referral held back (for example
 *   for a safeguarding check) is released by hand.
 * - withdrawn from every active status (see ACTIVE_STATUSES), by the referrer or a coordinator,
 *   when the person no longer wants the referral. Not from declined or outcome: those are
 *   settled and only wait to be closed.
 * - closed by Waymark itself (the system role) from every status that is not final, when the
 *   referral has been settled for a while or left untouched for months (see auto-close.ts): the
 *   retention period runs from closing, so a referral nobody closes must not keep the person's
 *   details for ever.
 * Closed and withdrawn are final. A "logged" referral (a signpost, no personal data) can only go
 * from new to closed.
 */
import { z } from "zod";
import type { DeclineReason, NewReferralEvent, OutcomeId, Referral, ReferralKind, ReferralStatus, ReferralUpdate } from "~db/schema/referrals";
import { DECLINE_REASON_IDS, OUTCOME_IDS } from "./reasons";
import { optionalText } from "./text-fields";

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  new: "New",
  sent: "Sent to the service",
  accepted: "Accepted",
  declined: "Declined",
  contacted: "Person contacted",
  "couldnt-contact": "Could not contact",
  attended: "Attended",
  "did-not-attend": "Did not attend",
  outcome: "Outcome recorded",
  closed: "Closed",
  withdrawn: "Withdrawn",
};

export const REFERRAL_STATUSES = Object.keys(STATUS_LABELS) as [ReferralStatus, ...ReferralStatus[]];

/** Help is still in progress: someone has something to do. */
export const ACTIVE_STATUSES: readonly ReferralStatus[] = ["new", "sent", "accepted", "contacted", "couldnt-contact", "attended", "did-not-attend"];
/** The result is known; the referral only waits to be closed. */
export const SETTLED_STATUSES: readonly ReferralStatus[] = ["declined", "outcome"];
/** Nothing more can happen; the retention period runs from reaching one of these. */
export const FINAL_STATUSES: readonly ReferralStatus[] = ["closed", "withdrawn"];

/**
 * Whose hands a move is in, relative to one referral: `provider` is anyone in the organisation
 * that owns the service, `referrer` the person who made it, `coordinator` a coordinator of its
 * area (or an admin), `system` Waymark itself (sending the notification, closing a referral
 * nobody else closed).
 */
export type ReferralActorRole = "system" | "provider" | "referrer" | "coordinator";

export interface Transition {
  from: ReferralStatus;
  to: ReferralStatus;
  roles: readonly ReferralActorRole[];
  /** Wording for the choice offered on the referral page. */
  label: string;
}

const SERVICE: readonly ReferralActorRole[] = ["provider", "coordinator"];
const REFERRER: readonly ReferralActorRole[] = ["referrer", "coordinator"];

function withdrawFrom(from: ReferralStatus): Transition {
  return { from, to: "withdrawn", roles: REFERRER, label: "Withdraw the referral: the person no longer wants it" };
}

/** Waymark's own close of a referral nobody has closed (see auto-close.ts); never offered to a person. */
function systemCloseFrom(from: ReferralStatus): Transition {
  return { from, to: "closed", roles: ["system"], label: "Closed by Waymark" };
}

export const TRANSITIONS: readonly Transition[] = [
  { from: "new", to: "sent", roles: ["system", "coordinator"], label: "Send to the service" },
  withdrawFrom("new"),
  systemCloseFrom("new"),
  { from: "sent", to: "accepted", roles: SERVICE, label: "Accept the referral" },
  { from: "sent", to: "declined", roles: SERVICE, label: "Decline the referral" },
  withdrawFrom("sent"),
  systemCloseFrom("sent"),
  { from: "accepted", to: "contacted", roles: SERVICE, label: "We have contacted the person" },
  { from: "accepted", to: "couldnt-contact", roles: SERVICE, label: "We could not contact the person" },
  withdrawFrom("accepted"),
  systemCloseFrom("accepted"),
  { from: "couldnt-contact", to: "contacted", roles: SERVICE, label: "We have now contacted the person" },
  { from: "couldnt-contact", to: "closed", roles: [...SERVICE, "system"], label: "Close: we could not make contact" },
  withdrawFrom("couldnt-contact"),
  { from: "contacted", to: "attended", roles: SERVICE, label: "The person attended" },
  { from: "contacted", to: "did-not-attend", roles: SERVICE, label: "The person did not attend" },
  { from: "contacted", to: "outcome", roles: SERVICE, label: "Record the outcome" },
  withdrawFrom("contacted"),
  systemCloseFrom("contacted"),
  { from: "attended", to: "outcome", roles: SERVICE, label: "Record the outcome" },
  withdrawFrom("attended"),
  systemCloseFrom("attended"),
  { from: "did-not-attend", to: "attended", roles: SERVICE, label: "The person attended later" },
  { from: "did-not-attend", to: "closed", roles: [...SERVICE, "system"], label: "Close: the person did not attend" },
  withdrawFrom("did-not-attend"),
  { from: "declined", to: "closed", roles: [...REFERRER, "system"], label: "Close: I have seen the decline" },
  { from: "outcome", to: "closed", roles: [...SERVICE, "system"], label: "Close the referral" },
];

export const LOGGED_TRANSITIONS: readonly Transition[] = [
  { from: "new", to: "closed", roles: ["system", "referrer", "coordinator"], label: "Close the signpost record" },
];

function transitionsFor(kind: ReferralKind): readonly Transition[] {
  return kind === "logged" ? LOGGED_TRANSITIONS : TRANSITIONS;
}

function asRoles(role: ReferralActorRole | readonly ReferralActorRole[]): readonly ReferralActorRole[] {
  return typeof role === "string" ? [role] : role;
}

/** The moves someone holding `actorRole` (or any of several roles) may make from `status`. */
export function allowedMoves(
  status: ReferralStatus,
  actorRole: ReferralActorRole | readonly ReferralActorRole[],
  kind: ReferralKind = "live",
): Transition[] {
  const roles = asRoles(actorRole);
  return transitionsFor(kind).filter((t) => t.from === status && t.roles.some((r) => roles.includes(r)));
}

export interface MoveRequest {
  /** The status asked for; from a form, so it is checked rather than trusted. */
  to: string;
  declineReason?: string | null;
  outcome?: string | null;
  note?: string | null;
}

export interface MoveActor {
  role: ReferralActorRole | readonly ReferralActorRole[];
  userId: string | null;
  /** How the timeline names them, e.g. "Priya Shah, Maidstone Library", or "Waymark". */
  label: string;
}

export type MovableReferral = Pick<Referral, "id" | "kind" | "status" | "sent_at" | "first_action_at">;

export type ReferralChanges = Pick<
  ReferralUpdate,
  "status" | "status_changed_at" | "updated_at" | "sent_at" | "first_action_at" | "decline_reason" | "outcome" | "closed_at"
>;
export type ReferralEventDraft = Omit<NewReferralEvent, "id">;

export type MoveField = "to" | "declineReason" | "outcome" | "note";
export type MoveResult =
  | { ok: true; status: ReferralStatus; changes: ReferralChanges; event: ReferralEventDraft }
  | { ok: false; message: string; field?: MoveField };

export const MOVE_NOTE_MAX = 1000;
const moveNote = optionalText({ name: "The note", max: MOVE_NOTE_MAX, multiline: true });
const declineReason = z.enum(DECLINE_REASON_IDS);
const outcome = z.enum(OUTCOME_IDS);

const ROLE_NAMES: Record<ReferralActorRole, string> = {
  system: "Waymark",
  provider: "the service",
  referrer: "the person who made the referral",
  coordinator: "a coordinator",
};

function whoMay(roles: readonly ReferralActorRole[]): string {
  const names = roles.filter((r) => r !== "system").map((r) => ROLE_NAMES[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : (names[0] ?? "Waymark");
}

function refuse(message: string, field?: MoveField): MoveResult {
  return { ok: false, message, field };
}

/**
 * Checks a requested move against the machine, the actor's role and the move's own rules, and
 * returns what to write. Never throws: bad or forged input comes back as `{ ok: false, message }`
 * in words that can be shown to the person who asked.
 */
export function applyMove(referral: MovableReferral, move: MoveRequest, actor: MoveActor, now: Date | string): MoveResult {
  const at = new Date(now);
  if (Number.isNaN(at.getTime())) return refuse("The time of the change is not a valid date.");
  const from = referral.status;
  if (!REFERRAL_STATUSES.includes(from)) return refuse("This referral's current status is not recognised, so it cannot be changed.");
  const to = move.to as ReferralStatus;
  if (!REFERRAL_STATUSES.includes(to)) return refuse("Choose what has happened from the list.", "to");

  const transition = transitionsFor(referral.kind).find((t) => t.from === from && t.to === to);
  const roles = asRoles(actor.role);
  // A move only Waymark makes does not exist for a person, so they are told so in the same words.
  if (!transition || (transition.roles.every((r) => r === "system") && !roles.includes("system"))) {
    if (referral.kind === "logged") return refuse("This was logged as a signpost only, so the only change it can have is to be closed.", "to");
    return refuse(`A referral that is “${STATUS_LABELS[from]}” cannot be changed to “${STATUS_LABELS[to]}”.`, "to");
  }
  if (!transition.roles.some((r) => roles.includes(r))) {
    return refuse(`Only ${whoMay(transition.roles)} can make this change.`, "to");
  }

  const note = moveNote.safeParse(move.note);
  if (!note.success) return refuse(note.error.issues[0].message, "note");

  const timestamp = at.toISOString();
  const changes: ReferralChanges = { status: to, status_changed_at: timestamp, updated_at: timestamp };

  if (to === "declined") {
    const reason = declineReason.safeParse(move.declineReason);
    if (!reason.success) return refuse("Choose why the referral is being declined.", "declineReason");
    if (reason.data === "other" && !note.data) return refuse("Say why the referral is being declined.", "note");
    changes.decline_reason = reason.data satisfies DeclineReason;
  }
  if (to === "outcome") {
    const result = outcome.safeParse(move.outcome);
    if (!result.success) return refuse("Choose the outcome for the person.", "outcome");
    if (result.data === "other" && !note.data) return refuse("Describe the outcome in the note.", "note");
    changes.outcome = result.data satisfies OutcomeId;
  }
  if (to === "sent" && !referral.sent_at) changes.sent_at = timestamp;
  if ((to === "accepted" || to === "declined") && !referral.first_action_at) changes.first_action_at = timestamp;
  if (FINAL_STATUSES.includes(to)) changes.closed_at = timestamp;

  return {
    ok: true,
    status: to,
    changes,
    event: {
      referral_id: referral.id,
      from_status: from,
      to_status: to,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      note: note.data,
      at: timestamp,
    },
  };
}
