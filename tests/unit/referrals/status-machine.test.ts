import { describe, expect, it } from "vitest";
import type { ReferralKind, ReferralStatus } from "~db/schema/referrals";
import {
  allowedMoves,
  applyMove,
  type MovableReferral,
  type MoveActor,
  type ReferralActorRole,
  REFERRAL_STATUSES,
  STATUS_LABELS,
  TRANSITIONS,
} from "~/referrals/status-machine";

const NOW = "2026-03-04T10:30:00.000Z";
const ROLES: ReferralActorRole[] = ["system", "provider", "referrer", "coordinator"];

// The machine written out by hand, independently of TRANSITIONS: from → to → who may.
const S = ["provider", "coordinator"];
const R = ["referrer", "coordinator"];
// Waymark closes referrals nobody closes (auto-close.ts), from every status that is not final.
const W = ["system"];
const EXPECTED_LIVE: Partial<Record<ReferralStatus, Partial<Record<ReferralStatus, string[]>>>> = {
  new: { sent: ["system", "coordinator"], withdrawn: R, closed: W },
  sent: { accepted: S, declined: S, withdrawn: R, closed: W },
  accepted: { contacted: S, "couldnt-contact": S, withdrawn: R, closed: W },
  "couldnt-contact": { contacted: S, closed: [...S, ...W], withdrawn: R },
  contacted: { attended: S, "did-not-attend": S, outcome: S, withdrawn: R, closed: W },
  attended: { outcome: S, withdrawn: R, closed: W },
  "did-not-attend": { attended: S, closed: [...S, ...W], withdrawn: R },
  declined: { closed: [...R, ...W] },
  outcome: { closed: [...S, ...W] },
};
const EXPECTED_LOGGED: typeof EXPECTED_LIVE = { new: { closed: ["system", "referrer", "coordinator"] } };

function referral(status: ReferralStatus, kind: ReferralKind = "live", extra: Partial<MovableReferral> = {}): MovableReferral {
  return { id: "ref-1", kind, status, sent_at: null, first_action_at: null, ...extra };
}

function actor(role: ReferralActorRole | ReferralActorRole[]): MoveActor {
  return { role, userId: role === "system" ? null : "user-1", label: "Test person" };
}

/** A move with whatever details its target needs, so only the transition and role are tested. */
function completeMove(to: ReferralStatus) {
  return { to, declineReason: "no-capacity", outcome: "got-online", note: "" };
}

const cases = (kind: ReferralKind, expected: typeof EXPECTED_LIVE) =>
  REFERRAL_STATUSES.flatMap((from) =>
    REFERRAL_STATUSES.flatMap((to) => ROLES.map((role) => ({ kind, from, to, role, allowed: expected[from]?.[to]?.includes(role) ?? false }))),
  );

describe("every move of a live referral, for every role", () => {
  it.each(cases("live", EXPECTED_LIVE))("$from → $to by $role: allowed $allowed", ({ kind, from, to, role, allowed }) => {
    const result = applyMove(referral(from, kind), completeMove(to), actor(role), NOW);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.message).toMatch(/cannot be changed|Only .* can make this change/);
    expect(allowedMoves(from, role, kind).some((t) => t.to === to)).toBe(allowed);
  });
});

describe("every move of a logged signpost, for every role", () => {
  it.each(cases("logged", EXPECTED_LOGGED))("$from → $to by $role: allowed $allowed", ({ kind, from, to, role, allowed }) => {
    const result = applyMove(referral(from, kind), completeMove(to), actor(role), NOW);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.message).toMatch(/logged as a signpost only|Only .* can make this change/);
    expect(allowedMoves(from, role, kind).some((t) => t.to === to)).toBe(allowed);
  });
});

describe("the transition table", () => {
  it("has no move the hand-written table lacks", () => {
    const count = Object.values(EXPECTED_LIVE).reduce((n, tos) => n + Object.keys(tos ?? {}).length, 0);
    expect(TRANSITIONS).toHaveLength(count);
  });

  it("lets nothing leave closed or withdrawn, and lets a coordinator make every move a person can", () => {
    expect(allowedMoves("closed", ROLES)).toEqual([]);
    expect(allowedMoves("withdrawn", ROLES)).toEqual([]);
    for (const t of TRANSITIONS) if (t.roles.some((r) => r !== "system")) expect(t.roles).toContain("coordinator");
  });

  it("lets Waymark close every referral that is not final, so its retention period can start", () => {
    for (const status of REFERRAL_STATUSES.filter((s) => s !== "closed" && s !== "withdrawn")) {
      expect(allowedMoves(status, "system").map((t) => t.to), status).toContain("closed");
    }
  });

  it("has a plain-English label for every status and every move", () => {
    for (const status of REFERRAL_STATUSES) expect(STATUS_LABELS[status]).toMatch(/^[A-Z][a-z ]+[a-z]$/);
    for (const t of TRANSITIONS) expect(t.label.length).toBeGreaterThan(5);
  });

  it("combines the moves of someone holding several roles", () => {
    const moves = allowedMoves("sent", ["provider", "referrer"]).map((t) => t.to);
    expect(moves.sort()).toEqual(["accepted", "declined", "withdrawn"]);
  });
});

describe("what a move writes", () => {
  it("records who, when and the note, and the status change", () => {
    const result = applyMove(referral("accepted"), { to: "contacted", note: "  Spoke on the phone\u0007 " }, actor("provider"), NOW);
    expect(result).toEqual({
      ok: true,
      status: "contacted",
      changes: { status: "contacted", status_changed_at: NOW, updated_at: NOW },
      event: { referral_id: "ref-1", from_status: "accepted", to_status: "contacted", actor_user_id: "user-1", actor_label: "Test person", note: "Spoke on the phone", at: NOW },
    });
  });

  it("sets the sent time once, when the service is first notified", () => {
    const first = applyMove(referral("new"), { to: "sent" }, actor("system"), new Date(NOW));
    expect(first.ok && first.changes.sent_at).toBe(NOW);
    expect(first.ok && first.event.actor_user_id).toBeNull();
    const again = applyMove(referral("new", "live", { sent_at: "2026-03-01T09:00:00.000Z" }), { to: "sent" }, actor("coordinator"), NOW);
    expect(again.ok && "sent_at" in again.changes).toBe(false);
  });

  it("sets the first action time when the service accepts or declines, and not after", () => {
    const accepted = applyMove(referral("sent"), { to: "accepted" }, actor("provider"), NOW);
    expect(accepted.ok && accepted.changes.first_action_at).toBe(NOW);
    const declined = applyMove(referral("sent", "live", { first_action_at: "2026-03-03T09:00:00.000Z" }), { to: "declined", declineReason: "duplicate" }, actor("provider"), NOW);
    expect(declined.ok && "first_action_at" in declined.changes).toBe(false);
  });

  it("stores the decline reason and the outcome", () => {
    const declined = applyMove(referral("sent"), { to: "declined", declineReason: "not-eligible" }, actor("provider"), NOW);
    expect(declined.ok && declined.changes.decline_reason).toBe("not-eligible");
    const outcome = applyMove(referral("attended"), { to: "outcome", outcome: "received-device" }, actor("provider"), NOW);
    expect(outcome.ok && outcome.changes.outcome).toBe("received-device");
  });

  it.each(["closed", "withdrawn"] as const)("sets the closing time on reaching %s", (to) => {
    const from = to === "closed" ? "outcome" : "sent";
    const result = applyMove(referral(from), { to }, actor("coordinator"), NOW);
    expect(result.ok && result.changes.closed_at).toBe(NOW);
  });

  it("does not set the closing time on other moves", () => {
    const result = applyMove(referral("sent"), { to: "accepted" }, actor("provider"), NOW);
    expect(result.ok && "closed_at" in result.changes).toBe(false);
  });
});

describe("refused moves say why, and never throw", () => {
  it.each([
    [{ to: "declined" }, "declineReason", "Choose why the referral is being declined."],
    [{ to: "declined", declineReason: "too-busy" }, "declineReason", "Choose why the referral is being declined."],
    [{ to: "declined", declineReason: "other" }, "note", "Say why the referral is being declined."],
    [{ to: "declined", declineReason: "other", note: "   " }, "note", "Say why the referral is being declined."],
  ])("declining with %o", (move, field, message) => {
    expect(applyMove(referral("sent"), move, actor("provider"), NOW)).toEqual({ ok: false, field, message });
  });

  it("accepts an 'other' decline with a note", () => {
    expect(applyMove(referral("sent"), { to: "declined", declineReason: "other", note: "Closed for refurbishment" }, actor("provider"), NOW).ok).toBe(true);
  });

  it.each([
    [{ to: "outcome" }, "outcome", "Choose the outcome for the person."],
    [{ to: "outcome", outcome: "won-the-lottery" }, "outcome", "Choose the outcome for the person."],
    [{ to: "outcome", outcome: "other" }, "note", "Describe the outcome in the note."],
  ])("recording an outcome with %o", (move, field, message) => {
    expect(applyMove(referral("attended"), move, actor("provider"), NOW)).toEqual({ ok: false, field, message });
  });

  it("refuses a note that is too long or carries markup", () => {
    const long = applyMove(referral("sent"), { to: "accepted", note: "a".repeat(1001) }, actor("provider"), NOW);
    expect(long).toEqual({ ok: false, field: "note", message: "The note must be 1,000 characters or fewer" });
    const script = applyMove(referral("sent"), { to: "accepted", note: "<script>alert(1)</script>" }, actor("provider"), NOW);
    expect(script).toMatchObject({ ok: false, field: "note", message: expect.stringMatching(/plain words/) });
  });

  it("refuses a forged status, a forged current status and a bad time", () => {
    expect(applyMove(referral("sent"), { to: "approved" }, actor("provider"), NOW)).toEqual({ ok: false, field: "to", message: "Choose what has happened from the list." });
    expect(applyMove(referral("lost" as ReferralStatus), { to: "closed" }, actor("coordinator"), NOW)).toMatchObject({ ok: false });
    expect(applyMove(referral("sent"), { to: "accepted" }, actor("provider"), "not a time")).toMatchObject({ ok: false });
  });

  it("says in words who may make a move", () => {
    expect(applyMove(referral("sent"), { to: "accepted" }, actor("referrer"), NOW)).toEqual({
      ok: false,
      field: "to",
      message: "Only the service or a coordinator can make this change.",
    });
    expect(applyMove(referral("sent"), { to: "withdrawn" }, actor("provider"), NOW)).toMatchObject({
      message: "Only the person who made the referral or a coordinator can make this change.",
    });
  });

  it("names both statuses when a move does not exist", () => {
    expect(applyMove(referral("closed"), { to: "sent" }, actor("coordinator"), NOW)).toMatchObject({
      message: "A referral that is “Closed” cannot be changed to “Sent to the service”.",
    });
  });

  it("answers a move only Waymark makes as one that does not exist", () => {
    expect(applyMove(referral("sent"), { to: "closed" }, actor("coordinator"), NOW)).toEqual({
      ok: false,
      field: "to",
      message: "A referral that is “Sent to the service” cannot be changed to “Closed”.",
    });
  });

  it("does not throw for input of the wrong shape", () => {
    const forged = { to: 42, declineReason: ["other"], note: { html: "<b>" } } as unknown as { to: string };
    expect(() => applyMove(referral("sent"), forged, actor("provider"), NOW)).not.toThrow();
    expect(applyMove(referral("sent"), forged, actor("provider"), NOW).ok).toBe(false);
  });
});
