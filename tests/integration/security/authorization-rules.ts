/**
 * Who may reach each route, as data. Keys are file names in app/routes. `expect` gives the status a
 * GET (the loader) answers with for each visitor: 200, "login" (sent to sign in and back), "redirect"
 * (somewhere else), 403 or 404. `action`, required when the module exports one, gives what a POST of
 * an empty form answers: a refusal where the visitor may not act, and otherwise what the action says
 * once its permission check has passed (usually 400 with the form's messages).
 */
export type Actor = "signedOut" | "champion" | "staff" | "provider" | "coordinator" | "admin";
export type Expected = 200 | "login" | "redirect" | 400 | 403 | 404;

export interface Fixtures {
  /** A champion in the coordinator's area, for user-management pages. */
  managedUserId: string;
  organisationId: string;
  areaId: string;
  /** A Connect Kent CIC listing in Maidstone: the provider's own, in the coordinator's area. */
  serviceId: string;
  triageReference: string;
  /** An assisted triage made by the champion. */
  assistedTriageId: string;
  /** A referral by the champion to the provider's organisation, in the coordinator's area. */
  referralReference: string;
  /** Another like it, for the erase action to empty without changing what the other pages show. */
  erasableReferralReference: string;
  listingChangeId: string;
  /** The champion's own quiz attempt. */
  quizAttemptId: string;
  /** A scheduled outreach campaign by the coordinator to Maidstone. */
  outreachCampaignId: string;
  /** The champion's assisted triage's reference, to book from. */
  assistedTriageReference: string;
  /** A published course on the provider's Park Wood listing: a session under way today and one next week. */
  courseId: string;
  /** Today's session of that course. */
  courseSessionId: string;
  /** Someone booked onto it, in Maidstone. */
  personId: string;
  /** Another, for the erase action. */
  erasablePersonId: string;
}

export interface Rule {
  path: (fx: Fixtures) => string;
  params?: (fx: Fixtures) => Record<string, string>;
  expect: Record<Actor, Expected>;
  action?: Record<Actor, Expected>;
}

const all = (status: Expected): Record<Actor, Expected> => ({
  signedOut: status,
  champion: status,
  staff: status,
  provider: status,
  coordinator: status,
  admin: status,
});

/** Signed-out visitors are sent to sign in; signed-in roles get `granted` if listed, otherwise `denied`. */
const signedIn = (allowed: Actor[], denied: Expected = 403, granted: Expected = 200): Record<Actor, Expected> => ({
  signedOut: "login",
  champion: allowed.includes("champion") ? granted : denied,
  staff: allowed.includes("staff") ? granted : denied,
  provider: allowed.includes("provider") ? granted : denied,
  coordinator: allowed.includes("coordinator") ? granted : denied,
  admin: allowed.includes("admin") ? granted : denied,
});

/** An action open to the listed roles: an empty form from them gets `granted`, from anyone else 403. */
const posting = (allowed: Actor[], granted: Expected = 400): Record<Actor, Expected> => signedIn(allowed, 403, granted);

/** A later step of a multi-page form: with nothing filled in yet, allowed visitors are sent to its start. */
const laterStep = (allowed: Actor[]): Record<Actor, Expected> =>
  Object.fromEntries(Object.entries(signedIn(allowed)).map(([actor, status]) => [actor, status === 200 ? "redirect" : status])) as Record<Actor, Expected>;

const fixed = (p: string) => () => p;

export const matrix: Record<string, Rule> = {
  "_index.tsx": { path: fixed("/"), expect: all(200) },
  "$.tsx": { path: fixed("/no-such-page"), params: () => ({ "*": "no-such-page" }), expect: all(404) },
  "accessibility.tsx": { path: fixed("/accessibility"), expect: all(200) },
  "privacy.tsx": { path: fixed("/privacy"), expect: all(200) },
  "cookies.tsx": { path: fixed("/cookies"), expect: all(200) },
  "healthz.ts": { path: fixed("/healthz"), expect: all(200) },
  // The language switcher: anyone may choose a language; it sets a cookie and goes back.
  "language.ts": { path: fixed("/language?lang=cy&to=%2Fcheck"), expect: all("redirect") },
  // Signed-in people are sent on to their own start page. Public forms answer an empty POST with 400
  // and their messages, whoever sends it.
  "login.tsx": { path: fixed("/login"), expect: { ...all("redirect"), signedOut: 200 }, action: all(400) },
  // Signing out is by POST only, and ends on the sign-in page.
  "logout.tsx": { path: fixed("/logout"), expect: all("redirect"), action: all("redirect") },
  // No loader: a GET renders the form.
  "forgot-password.tsx": { path: fixed("/forgot-password"), expect: all(200), action: all(400) },
  // An unknown token gets its own page saying the link does not work, with status 404.
  "accept-invite.$token.tsx": { path: fixed("/accept-invite/not-a-token"), params: () => ({ token: "not-a-token" }), expect: all(404), action: all(404) },
  "reset-password.$token.tsx": { path: fixed("/reset-password/not-a-token"), params: () => ({ token: "not-a-token" }), expect: all(404), action: all(404) },

  "admin._index.tsx": { path: fixed("/admin"), expect: signedIn(["coordinator", "admin"]) },
  "admin.users._index.tsx": { path: fixed("/admin/users"), expect: signedIn(["coordinator", "admin"]) },
  "admin.users.invite.tsx": { path: fixed("/admin/users/invite"), expect: signedIn(["coordinator", "admin"]), action: posting(["coordinator", "admin"]) },
  "admin.users.$id.tsx": {
    path: (fx) => `/admin/users/${fx.managedUserId}`,
    params: (fx) => ({ id: fx.managedUserId }),
    expect: signedIn(["coordinator", "admin"]),
    action: posting(["coordinator", "admin"]),
  },
  "admin.audit.tsx": { path: fixed("/admin/audit"), expect: signedIn(["coordinator", "admin"]) },
  "admin.outbox.tsx": { path: fixed("/admin/outbox"), expect: signedIn(["admin"]) },
  "admin.organisations._index.tsx": { path: fixed("/admin/organisations"), expect: signedIn(["admin"]) },
  "admin.organisations.new.tsx": { path: fixed("/admin/organisations/new"), expect: signedIn(["admin"]), action: posting(["admin"]) },
  "admin.organisations.$id.tsx": {
    path: (fx) => `/admin/organisations/${fx.organisationId}`,
    params: (fx) => ({ id: fx.organisationId }),
    expect: signedIn(["admin"]),
    action: posting(["admin"]),
  },
  "admin.areas._index.tsx": { path: fixed("/admin/areas"), expect: signedIn(["admin"]), action: posting(["admin"]) },
  "admin.areas.$id.tsx": { path: (fx) => `/admin/areas/${fx.areaId}`, params: (fx) => ({ id: fx.areaId }), expect: signedIn(["admin"]), action: posting(["admin"]) },

  // Open Referral UK: open to everyone, no sign-in. An id that is not a UUID is a bad request.
  "api.oruk._index.ts": { path: fixed("/api/oruk"), expect: all(200) },
  "api.oruk.openapi[.json].ts": { path: fixed("/api/oruk/openapi.json"), expect: all(200) },
  "api.oruk.services._index.ts": { path: fixed("/api/oruk/services"), expect: all(200) },
  "api.oruk.services.$id.ts": { path: (fx) => `/api/oruk/services/${fx.serviceId}`, params: (fx) => ({ id: fx.serviceId }), expect: all(200) },
  "api.oruk.service_at_locations._index.ts": { path: fixed("/api/oruk/service_at_locations"), expect: all(200) },
  "api.oruk.service_at_locations.$id.ts": { path: fixed("/api/oruk/service_at_locations/x"), params: () => ({ id: "x" }), expect: all(400) },
  "api.oruk.taxonomies._index.ts": { path: fixed("/api/oruk/taxonomies"), expect: all(200) },
  "api.oruk.taxonomies.$id.ts": { path: fixed("/api/oruk/taxonomies/x"), params: () => ({ id: "x" }), expect: all(400) },
  "api.oruk.taxonomy_terms._index.ts": { path: fixed("/api/oruk/taxonomy_terms"), expect: all(200) },
  "api.oruk.taxonomy_terms.$id.ts": { path: fixed("/api/oruk/taxonomy_terms/x"), params: () => ({ id: "x" }), expect: all(400) },

  // The resident's self-check is public and anonymous.
  "check._index.tsx": { path: fixed("/check"), expect: all(200), action: all("redirect") },
  "check.q.$questionId.tsx": { path: fixed("/check/q/goals"), params: () => ({ questionId: "goals" }), expect: all(200), action: all(400) },
  // Nothing answered yet: sent back to the start.
  "check.answers.tsx": { path: fixed("/check/answers"), expect: all("redirect"), action: all(400) },
  // No loader: a GET renders the form; an empty reference gets 400 and a message, whoever sends it.
  "check.reopen.tsx": { path: fixed("/check/reopen"), expect: all(200), action: all(400) },
  "check.result.$reference.tsx": { path: (fx) => `/check/result/${fx.triageReference}`, params: (fx) => ({ reference: fx.triageReference }), expect: all(200), action: all(400) },

  // Assisted triage: people who help residents, and coordinators.
  // Every answer on the start page is optional, so an empty form starts a conversation.
  "triage._index.tsx": { path: fixed("/triage"), expect: signedIn(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  "triage.sections.tsx": { path: fixed("/triage/sections"), expect: laterStep(["champion", "staff", "coordinator", "admin"]) },
  "triage.q.$questionId.tsx": { path: fixed("/triage/q/goals"), params: () => ({ questionId: "goals" }), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"]) },
  "triage.answers.tsx": { path: fixed("/triage/answers"), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  // Only its champion, its area's coordinators and admins; anyone else may not know it exists.
  "triage.result.$id.tsx": {
    path: (fx) => `/triage/result/${fx.assistedTriageId}`,
    params: (fx) => ({ id: fx.assistedTriageId }),
    expect: { ...signedIn(["champion", "coordinator", "admin"], 404), provider: 403 },
  },

  // Directory: public search and listings.
  "services._index.tsx": { path: fixed("/services"), expect: all(200) },
  "services.$id._index.tsx": { path: (fx) => `/services/${fx.serviceId}`, params: (fx) => ({ id: fx.serviceId }), expect: all(200) },
  "services.$id.report.tsx": { path: (fx) => `/services/${fx.serviceId}/report`, params: (fx) => ({ id: fx.serviceId }), expect: all(200), action: all(400) },
  "services.$id.share.tsx": { path: (fx) => `/services/${fx.serviceId}/share`, params: (fx) => ({ id: fx.serviceId }), expect: all(200), action: all(400) },
  "services.shortlist._index.tsx": { path: fixed("/services/shortlist"), expect: all(200), action: all(400) },
  "services.shortlist.send.tsx": { path: fixed("/services/shortlist/send"), expect: all("redirect"), action: all(400) },

  // Directory upkeep.
  "directory.manage._index.tsx": { path: fixed("/directory/manage"), expect: signedIn(["provider", "coordinator", "admin"]) },
  "directory.manage.new.tsx": { path: fixed("/directory/manage/new"), expect: signedIn(["provider", "coordinator", "admin"]), action: posting(["provider", "coordinator", "admin"]) },
  "directory.manage.$id.edit.tsx": {
    path: (fx) => `/directory/manage/${fx.serviceId}/edit`,
    params: (fx) => ({ id: fx.serviceId }),
    expect: signedIn(["provider", "coordinator", "admin"]),
    action: posting(["provider", "coordinator", "admin"]),
  },
  "directory.manage.$id.verify.tsx": {
    path: (fx) => `/directory/manage/${fx.serviceId}/verify`,
    params: (fx) => ({ id: fx.serviceId }),
    expect: signedIn(["provider", "coordinator", "admin"]),
    action: posting(["provider", "coordinator", "admin"], "redirect"),
  },
  "directory.approvals._index.tsx": { path: fixed("/directory/approvals"), expect: signedIn(["coordinator", "admin"]) },
  "directory.approvals.$id.tsx": {
    path: (fx) => `/directory/approvals/${fx.listingChangeId}`,
    params: (fx) => ({ id: fx.listingChangeId }),
    expect: signedIn(["coordinator", "admin"]),
    action: posting(["coordinator", "admin"]),
  },
  "directory.reports.tsx": { path: fixed("/directory/reports"), expect: signedIn(["coordinator", "admin"]), action: posting(["coordinator", "admin"]) },
  "directory.import.tsx": { path: fixed("/directory/import"), expect: signedIn(["coordinator", "admin"]), action: posting(["coordinator", "admin"]) },
  "directory.still-correct.$token.tsx": { path: fixed("/directory/still-correct/not-a-token"), params: () => ({ token: "not-a-token" }), expect: all(404), action: all("redirect") },

  // Knowledge store and open data: public.
  "knowledge._index.tsx": { path: fixed("/knowledge"), expect: all(200) },
  "knowledge.$slug.tsx": { path: fixed("/knowledge/email-basics"), params: () => ({ slug: "email-basics" }), expect: all(200) },
  "knowledge.data._index.tsx": { path: fixed("/knowledge/data"), expect: all(200) },
  "knowledge.data.directory[.]csv.ts": { path: fixed("/knowledge/data/directory.csv"), expect: all(200) },
  "knowledge.data.directory[.]json.ts": { path: fixed("/knowledge/data/directory.json"), expect: all(200) },
  "knowledge.data.referral-statistics[.]csv.ts": { path: fixed("/knowledge/data/referral-statistics.csv"), expect: all(200) },
  "knowledge.data.triage-statistics[.]csv.ts": { path: fixed("/knowledge/data/triage-statistics.csv"), expect: all(200) },

  // Training: anyone signed in; completions are the coordinator's view.
  "training._index.tsx": { path: fixed("/training"), expect: signedIn(["champion", "staff", "provider", "coordinator", "admin"]) },
  "training.record.tsx": { path: fixed("/training/record"), expect: signedIn(["champion", "staff", "provider", "coordinator", "admin"]) },
  "training.completions.tsx": { path: fixed("/training/completions"), expect: signedIn(["coordinator", "admin"]) },
  "training.$moduleId._index.tsx": { path: fixed("/training/online-safety"), params: () => ({ moduleId: "online-safety" }), expect: signedIn(["champion", "staff", "provider", "coordinator", "admin"]) },
  "training.$moduleId.lessons.$lessonId.tsx": {
    path: fixed("/training/online-safety/lessons/spotting-scams"),
    params: () => ({ moduleId: "online-safety", lessonId: "spotting-scams" }),
    expect: signedIn(["champion", "staff", "provider", "coordinator", "admin"]),
    action: posting(["champion", "staff", "provider", "coordinator", "admin"], "redirect"),
  },
  "training.$moduleId.quiz._index.tsx": {
    path: fixed("/training/online-safety/quiz"),
    params: () => ({ moduleId: "online-safety" }),
    expect: signedIn(["champion", "staff", "provider", "coordinator", "admin"]),
    action: posting(["champion", "staff", "provider", "coordinator", "admin"]),
  },
  // A quiz result belongs to the person who took it.
  "training.$moduleId.quiz.results.$attemptId.tsx": {
    path: (fx) => `/training/online-safety/quiz/results/${fx.quizAttemptId}`,
    params: (fx) => ({ moduleId: "online-safety", attemptId: fx.quizAttemptId }),
    expect: signedIn(["champion"], 404),
  },

  "people-helped._index.tsx": { path: fixed("/people-helped"), expect: signedIn(["champion", "staff", "coordinator", "admin"]) },
  "people-helped.new.tsx": { path: fixed("/people-helped/new"), expect: signedIn(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"]) },

  // Referrals.
  "referrals._index.tsx": { path: fixed("/referrals"), expect: signedIn(["champion", "staff", "provider", "coordinator", "admin"]) },
  "referrals.$reference.tsx": {
    path: (fx) => `/referrals/${fx.referralReference}`,
    params: (fx) => ({ reference: fx.referralReference }),
    // The staff member did not make it and is not at the provider: it does not exist for them.
    expect: { ...signedIn(["champion", "provider", "coordinator", "admin"]), staff: 404 },
    action: { ...posting(["champion", "provider", "coordinator", "admin"]), staff: 404 },
  },
  "referrals.$reference_.export[.]json.ts": {
    path: (fx) => `/referrals/${fx.referralReference}/export.json`,
    params: (fx) => ({ reference: fx.referralReference }),
    expect: signedIn(["coordinator", "admin"]),
  },
  "referrals.$reference_.export[.]csv.ts": {
    path: (fx) => `/referrals/${fx.referralReference}/export.csv`,
    params: (fx) => ({ reference: fx.referralReference }),
    expect: signedIn(["coordinator", "admin"]),
  },
  "referrals.$reference_.erase.tsx": {
    path: (fx) => `/referrals/${fx.erasableReferralReference}/erase`,
    params: (fx) => ({ reference: fx.erasableReferralReference }),
    expect: signedIn(["coordinator", "admin"]),
    action: posting(["coordinator", "admin"], "redirect"),
  },
  "referrals.new._index.tsx": { path: fixed("/referrals/new"), expect: laterStep(["champion", "staff", "coordinator", "admin"]) },
  "referrals.new.service.tsx": { path: fixed("/referrals/new/service"), expect: signedIn(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"]) },
  "referrals.new.reasons.tsx": { path: fixed("/referrals/new/reasons"), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  "referrals.new.person.tsx": { path: fixed("/referrals/new/person"), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  "referrals.new.needs.tsx": { path: fixed("/referrals/new/needs"), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  "referrals.new.consent.tsx": { path: fixed("/referrals/new/consent"), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  "referrals.new.signpost.tsx": { path: fixed("/referrals/new/signpost"), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  "referrals.new.check.tsx": { path: fixed("/referrals/new/check"), expect: laterStep(["champion", "staff", "coordinator", "admin"]), action: posting(["champion", "staff", "coordinator", "admin"], "redirect") },
  "referrals.new.confirmation.tsx": { path: fixed("/referrals/new/confirmation"), expect: laterStep(["champion", "staff", "coordinator", "admin"]) },
  "referrals.self._index.tsx": { path: fixed("/referrals/self"), expect: all(200) },
  "referrals.self.contact.tsx": { path: fixed("/referrals/self/contact"), expect: all(200), action: all(400) },
  "referrals.self.consent.tsx": { path: fixed("/referrals/self/consent"), expect: all("redirect"), action: all("redirect") },
  "referrals.self.check.tsx": { path: fixed("/referrals/self/check"), expect: all("redirect"), action: all("redirect") },
  "referrals.self.confirmation.tsx": { path: fixed("/referrals/self/confirmation"), expect: all("redirect") },

  // Reporting: coordinators (their areas) and admins.
  "reports._index.tsx": { path: fixed("/reports"), expect: signedIn(["coordinator", "admin"]) },
  "reports.gaps.tsx": { path: fixed("/reports/gaps"), expect: signedIn(["coordinator", "admin"]) },
  "reports.board-summary.tsx": { path: fixed("/reports/board-summary"), expect: signedIn(["coordinator", "admin"]) },
  "reports.csv.$figure.ts": { path: fixed("/reports/csv/barriers"), params: () => ({ figure: "barriers" }), expect: signedIn(["coordinator", "admin"]) },

  // Outreach. Residents sign up and stop without signing in; the stop link is the only key.
  "outreach.join.tsx": { path: fixed("/outreach/join"), expect: all(200), action: all(400) },
  "outreach.stop.$token.tsx": { path: fixed("/outreach/stop/not-a-real-token-at-all"), params: () => ({ token: "not-a-real-token-at-all" }), expect: all(404), action: all(404) },
  "outreach.go.$id.ts": { path: fixed("/outreach/go/not-an-id"), params: () => ({ id: "not-an-id" }), expect: all("redirect") },
  // Coordinators write to their areas. A provider sees the list (saying it may not send yet) but
  // cannot write until a coordinator allows its organisation, and cannot see others' campaigns.
  "outreach._index.tsx": { path: fixed("/outreach"), expect: signedIn(["provider", "coordinator", "admin"]), action: posting(["coordinator", "admin"]) },
  "outreach.new.tsx": { path: fixed("/outreach/new"), expect: signedIn(["coordinator", "admin"]), action: posting(["coordinator", "admin"]) },
  "outreach.campaigns.$id.tsx": {
    path: (fx) => `/outreach/campaigns/${fx.outreachCampaignId}`,
    params: (fx) => ({ id: fx.outreachCampaignId }),
    expect: { ...signedIn(["coordinator", "admin"]), provider: 404 },
    action: { ...posting(["coordinator", "admin"]), provider: 404 },
  },
  // Courses. Providers manage their own organisation's, coordinators those in their areas; champions and
  // staff book people on from a plan or referral they may see (the staff member did not make this plan).
  "courses._index.tsx": { path: fixed("/courses"), expect: signedIn(["champion", "staff", "coordinator", "admin"]) },
  "courses.$id.book.tsx": {
    path: (fx) => `/courses/${fx.courseId}/book?triage=${fx.assistedTriageReference}`,
    params: (fx) => ({ id: fx.courseId }),
    expect: { ...signedIn(["champion", "coordinator", "admin"]), staff: 404 },
    action: { ...posting(["champion", "coordinator", "admin"]), staff: 404 },
  },
  "courses.manage._index.tsx": { path: fixed("/courses/manage"), expect: signedIn(["provider", "coordinator", "admin"]) },
  "courses.manage.new.tsx": { path: fixed("/courses/manage/new"), expect: signedIn(["provider", "coordinator", "admin"]), action: posting(["provider", "coordinator", "admin"]) },
  "courses.manage.$id._index.tsx": {
    path: (fx) => `/courses/manage/${fx.courseId}`,
    params: (fx) => ({ id: fx.courseId }),
    expect: signedIn(["provider", "coordinator", "admin"]),
    action: posting(["provider", "coordinator", "admin"]),
  },
  "courses.manage.$id.edit.tsx": {
    path: (fx) => `/courses/manage/${fx.courseId}/edit`,
    params: (fx) => ({ id: fx.courseId }),
    expect: signedIn(["provider", "coordinator", "admin"]),
    action: posting(["provider", "coordinator", "admin"]),
  },
  // An empty register form says nobody came: saved, and back to the register.
  "courses.register.$sessionId.tsx": {
    path: (fx) => `/courses/register/${fx.courseSessionId}`,
    params: (fx) => ({ sessionId: fx.courseSessionId }),
    expect: signedIn(["provider", "coordinator", "admin"]),
    action: posting(["provider", "coordinator", "admin"], "redirect"),
  },
  // A learner's record, copy and erasure: the coordinator of their area and admins.
  "people.$id.tsx": { path: (fx) => `/people/${fx.personId}`, params: (fx) => ({ id: fx.personId }), expect: signedIn(["coordinator", "admin"]) },
  "people.$id_.export[.]json.ts": { path: (fx) => `/people/${fx.personId}/export.json`, params: (fx) => ({ id: fx.personId }), expect: signedIn(["coordinator", "admin"]) },
  "people.$id_.erase.tsx": {
    path: (fx) => `/people/${fx.erasablePersonId}/erase`,
    params: (fx) => ({ id: fx.erasablePersonId }),
    expect: signedIn(["coordinator", "admin"]),
    action: posting(["coordinator", "admin"], "redirect"),
  },
  // Notify's callbacks: off (404) until NOTIFY_CALLBACK_TOKEN is set, then only with that bearer token.
  "api.notify.delivery-status.ts": { path: fixed("/api/notify/delivery-status"), expect: all(200), action: all(404) },
  "api.notify.inbound-sms.ts": { path: fixed("/api/notify/inbound-sms"), expect: all(200), action: all(404) },
};
