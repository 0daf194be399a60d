/**
 * `npm run demo:history`: a year of made-up activity for the demo partnership, so a fresh install
 * has reports, gaps and a board summary worth looking at. Everything goes through the app's own
 * rules: triages are persona answers (varied a little) scored by the real engine and saved by
 * saveTriageResult; referrals move through the status machine with gaps of working days; quiz
 * attempts and people helped are recorded for the demo champions. Runs once (remembered in
 * app_meta); `--force` adds another year on top.
 *
 * Needs the demo data (run `npm start` once, or `npm run db:seed`); seeds it if missing.
 */
import { randomUUID } from "node:crypto";
import { migrateToLatest } from "~db/migrator";
import type { ReferralKind, ReferralStatus } from "~db/schema/referrals";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { type Db, createDatabase, databaseLocation } from "~/lib/db.server";
import { ensureDemoData } from "~/lib/demo-seed.server";
import { createReferenceCode } from "~/lib/reference-code";
import { recordQuizAttempt } from "~/knowledge/training.server";
import { todayInUk } from "~/knowledge/people-helped";
import { addWorkingDays, isWorkingDay } from "~/referrals/working-days";
import { type MoveActor, type MoveRequest, applyMove } from "~/referrals/status-machine";
import { addDays } from "~/reports/period";
import { rebuildReferralCounts } from "~/reports/referral-counts.server";
import { answerQuestion, nextQuestion } from "~/triage/flow";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import type { Answers, Question, TriageMode } from "~/triage/types";
import { seededRandom } from "./bench/generate-reporting-data";

const FLAG = "demo_history_at";
const TRIAGES = 1_500;
const REFERRAL_SHARE = 0.27;

/** Which personas come forward where: Thanet has the most people without a device or data, Tunbridge Wells an older population, Maidstone more people learning English. */
const PERSONA_WEIGHTS: Record<string, Record<string, number>> = {
  Maidstone: { "limited-english": 3, "jobseeker-uc-journal": 3, "confident-career-changer": 2, "young-phone-only-jobseeker": 2 },
  Thanet: { "older-no-device": 4, "lone-parent-payg": 4, "young-phone-only-jobseeker": 3, "not-for-me": 2 },
  "Tunbridge Wells": { "sight-loss": 4, "varies-day-to-day": 3, "older-tablet-no-one-to-ask": 3, carer: 2 },
};
const AREA_SHARE: Record<string, number> = { Maidstone: 0.42, Thanet: 0.36, "Tunbridge Wells": 0.22 };
const MONTH_WEIGHT = [1.3, 1.2, 1.1, 1.0, 0.95, 0.9, 0.8, 0.7, 1.0, 1.05, 1.1, 0.9];

const rand = seededRandom(Date.now() % 1_000_000);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
function weighted<T>(entries: readonly (readonly [T, number])[]): T {
  let r = rand() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1][0];
}

function randomAnswer(question: Question): unknown {
  if (question.kind === "scale") return question.min + Math.floor(rand() * (question.max - question.min + 1));
  if (question.kind !== "multiple") return pick(question.options).id;
  const exclusive = question.options.filter((o) => o.exclusive);
  if (exclusive.length > 0 && rand() < 0.3) return [pick(exclusive).id];
  const open = question.options.filter((o) => !o.exclusive);
  return [...new Set([pick(open).id, ...(rand() < 0.4 ? [pick(open).id] : [])])];
}

/** A persona's answers with about a fifth changed at random, then any newly opened questions answered. */
function plausibleAnswers(content: ReturnType<typeof loadTriageContent>, base: Answers, mode: TriageMode): Answers {
  let answers: Answers = {};
  for (const [id, value] of Object.entries(base)) {
    const question = content.bank.questions.find((q) => q.id === id);
    const tried = question && rand() < 0.2 ? answerQuestion(content.bank, answers, id, randomAnswer(question), mode) : null;
    answers = tried?.ok ? tried.answers : { ...answers, [id]: value };
  }
  for (let guard = 0; guard < 200; guard++) {
    const open = nextQuestion(content.bank, answers, mode);
    if (!open) break;
    const tried = answerQuestion(content.bank, answers, open.id, randomAnswer(open), mode);
    if (tried.ok) answers = tried.answers;
  }
  return answers;
}

function dayInYear(today: string): string {
  for (;;) {
    const day = addDays(today, -Math.floor(rand() * 365));
    const weekend = !isWorkingDay(day);
    if (rand() < MONTH_WEIGHT[Number(day.slice(5, 7)) - 1] / 1.3 * (weekend ? 0.35 : 1)) return day;
  }
}

function timeOn(day: string, now: string): string {
  const minutes = 9 * 60 + Math.floor(rand() * 8 * 60);
  const time = `${day}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00.000Z`;
  return time < now ? time : now;
}

interface Context {
  db: Db;
  today: string;
  now: string;
  areas: { id: string; name: string; districts: string[] }[];
  services: { id: string; organisation_id: string; area_id: string | null; categories: string[] }[];
  users: Record<string, { id: string; organisation_id: string; name: string }>;
}

/** Moves a referral along the main path, a few working days per step, until today. */
async function tellStory(ctx: Context, referral: { id: string; kind: ReferralKind; created: string }): Promise<void> {
  let row = { id: referral.id, kind: referral.kind, status: "new" as ReferralStatus, sent_at: null as string | null, first_action_at: null as string | null };
  let at = referral.created;
  const provider: MoveActor = { role: "provider", userId: null, label: "The service" };
  const system: MoveActor = { role: "system", userId: null, label: "Waymark" };
  const move = async (request: MoveRequest, actor: MoveActor, workingDays: number): Promise<boolean> => {
    const when = workingDays === 0 ? at : timeOn(addWorkingDays(at, workingDays), ctx.now);
    if (when >= ctx.now && workingDays > 0) return false;
    const result = applyMove(row, request, actor, when);
    if (!result.ok) throw new Error(`Demo referral could not move to ${request.to}: ${result.message}`);
    await ctx.db.updateTable("referrals").set(result.changes).where("id", "=", row.id).execute();
    await ctx.db.insertInto("referral_events").values({ id: randomUUID(), ...result.event }).execute();
    row = { ...row, status: result.status, sent_at: result.changes.sent_at ?? row.sent_at, first_action_at: result.changes.first_action_at ?? row.first_action_at };
    at = when;
    return true;
  };
  if (referral.kind === "logged") {
    await move({ to: "closed" }, system, 0);
    return;
  }
  if (!(await move({ to: "sent" }, system, 0))) return;
  if (rand() < 0.1) {
    if (await move({ to: "declined", declineReason: pick(["not-eligible", "no-capacity"]) }, provider, weighted([[0, 2], [1, 3], [3, 1]] as const))) {
      await move({ to: "closed" }, { role: "referrer", userId: null, label: "The referrer" }, 2);
    }
    return;
  }
  if (!(await move({ to: "accepted" }, provider, weighted([[0, 2], [1, 4], [2, 2], [4, 1], [7, 1]] as const)))) return;
  if (rand() < 0.05) {
    await move({ to: "withdrawn", note: "The person no longer needs help." }, { role: "referrer", userId: null, label: "The referrer" }, 2);
    return;
  }
  if (rand() < 0.2 && !(await move({ to: "couldnt-contact" }, provider, 2))) return;
  if (row.status === "couldnt-contact" && rand() < 0.5) {
    await move({ to: "closed" }, provider, 5);
    return;
  }
  if (!(await move({ to: "contacted" }, provider, 2))) return;
  if (rand() < 0.12) {
    if (await move({ to: "did-not-attend" }, provider, 5)) await move({ to: "closed" }, provider, 5);
    return;
  }
  if (rand() < 0.7 && !(await move({ to: "attended" }, provider, 5))) return;
  const outcome = weighted([["got-online", 4], ["completed-course", 3], ["received-device", 2], ["received-data", 2], ["social-tariff", 2], ["job-or-training", 1], ["no-longer-needed", 1]] as const);
  if (await move({ to: "outcome", outcome }, provider, 10)) await move({ to: "closed" }, provider, 3);
}

async function addTriagesAndReferrals(ctx: Context): Promise<{ triages: number; referrals: number }> {
  const content = loadTriageContent();
  const scenarios = loadScenarios();
  let referrals = 0;
  let triages = 0;
  for (let n = 0; n < TRIAGES; n++) {
    const area = weighted(ctx.areas.map((a) => [a, AREA_SHARE[a.name] ?? 0.1] as const));
    const weights = PERSONA_WEIGHTS[area.name] ?? {};
    const scenario = weighted(scenarios.map((s) => [s, weights[s.id] ?? 1] as const));
    const mode: TriageMode = rand() < 0.38 ? "self" : "assisted";
    const done = completeTriage(content, plausibleAnswers(content, scenario.answers as Answers, mode), mode);
    if (!done.ok) continue;
    const helper = area.name === "Maidstone" && mode === "assisted" ? pick([ctx.users.champion, ctx.users.staff]) : null;
    const completedAt = timeOn(dayInYear(ctx.today), ctx.now);
    const saved = await saveTriageResult(ctx.db, { outcome: done.outcome, postcode: pick(area.districts), createdByUserId: helper?.id ?? null, organisationId: helper?.organisation_id ?? null, completedAt });
    triages++;
    if (rand() > REFERRAL_SHARE) continue;
    const found = Object.entries(saved.result.barriers).filter(([, b]) => b.severity !== "none").map(([id]) => id);
    const term = getCategoryTaxonomy().terms.filter((t) => t.barriers.some((b) => found.includes(b)));
    const candidates = ctx.services.filter((s) => (s.area_id === area.id || (s.area_id === null && rand() < 0.3)) && s.categories.some((c) => term.some((t) => t.id === c)));
    if (candidates.length === 0) continue;
    const service = pick(candidates);
    const kind: ReferralKind = rand() < 0.15 ? "logged" : "live";
    const id = randomUUID();
    await ctx.db
      .insertInto("referrals")
      .values({
        id,
        reference: createReferenceCode(),
        kind,
        status: "new",
        service_id: service.id,
        organisation_id: service.organisation_id,
        area_id: area.id,
        referrer_user_id: helper?.id ?? null,
        referrer_organisation_id: helper?.organisation_id ?? null,
        triage_result_id: saved.id,
        reasons: JSON.stringify({ barriers: found, goals: saved.result.goals }),
        outward_code: saved.outwardPostcode,
        contact_method: kind === "live" ? "through-champion" : null,
        consent_given: kind === "live" ? 1 : 0,
        consent_method: kind === "live" ? "in-person" : null,
        consent_confirmed_by: kind === "live" ? (helper?.name ?? "Demo champion") : null,
        consent_at: kind === "live" ? completedAt : null,
        created_at: completedAt,
        updated_at: completedAt,
        status_changed_at: completedAt,
      })
      .execute();
    await ctx.db.insertInto("referral_events").values({ id: randomUUID(), referral_id: id, from_status: null, to_status: "new", actor_user_id: helper?.id ?? null, actor_label: helper?.name ?? "Demo champion", note: null, at: completedAt }).execute();
    await tellStory(ctx, { id, kind, created: completedAt });
    referrals++;
  }
  return { triages, referrals };
}

const PLACES = ["Maidstone Library", "Shepway Library", "Park Wood Community Hub", "Allington Library", "Coxheath Village Hall"];

async function addPeopleHelpedAndTraining(ctx: Context): Promise<number> {
  const maidstone = ctx.areas.find((a) => a.name === "Maidstone")!;
  let logged = 0;
  for (const helper of [ctx.users.champion, ctx.users.staff]) {
    for (let week = 0; week < 52; week++) {
      for (let i = 0; i < 1 + Math.floor(rand() * 4); i++) {
        const day = addDays(ctx.today, -(week * 7 + Math.floor(rand() * 5)));
        await ctx.db
          .insertInto("people_helped")
          .values({
            id: randomUUID(),
            user_id: helper.id,
            organisation_id: helper.organisation_id,
            area_id: maidstone.id,
            helped_on: day,
            place: pick(PLACES),
            outward_code: pick(maidstone.districts),
            barriers: JSON.stringify([pick(["skills", "confidence", "device", "connectivity"])]),
            what_helped: "Set up email and the NHS App",
            minutes: pick([15, 20, 30, 30, 45, 60, 90]),
          })
          .execute();
        logged++;
      }
    }
  }
  const passes: [string, string[]][] = [
    ["champion", ["being-a-digital-champion", "spotting-barriers-and-using-triage", "online-safety", "referral-consent-and-data-protection"]],
    ["staff", ["being-a-digital-champion", "referral-consent-and-data-protection"]],
    ["coordinator", ["referral-consent-and-data-protection"]],
  ];
  for (const [role, modules] of passes) {
    for (const moduleId of modules) {
      const at = new Date(`${dayInYear(ctx.today)}T14:00:00.000Z`);
      if (rand() < 0.4) await recordQuizAttempt(ctx.db, { userId: ctx.users[role].id, moduleId, score: 60, passed: false, at: new Date(at.getTime() - 86_400_000) });
      await recordQuizAttempt(ctx.db, { userId: ctx.users[role].id, moduleId, score: 90, passed: true, at });
    }
  }
  return logged;
}

async function main(): Promise<void> {
  const db = createDatabase(databaseLocation());
  try {
    await migrateToLatest(db);
    await ensureDemoData(db);
    const done = await db.selectFrom("app_meta").select("value").where("key", "=", FLAG).executeTakeFirst();
    if (done && !process.argv.includes("--force")) {
      console.log(`Demo history was already added on ${done.value}. Run with --force to add another year on top.`);
      return;
    }
    const areas = await db.selectFrom("areas").select(["id", "name"]).where("name", "in", Object.keys(AREA_SHARE)).execute();
    const districts = await db.selectFrom("area_districts").select(["area_id", "outward_code"]).execute();
    const services = await db.selectFrom("services").select(["id", "organisation_id", "area_id"]).where("published", "=", 1).where("status", "=", "active").execute();
    const categories = await db.selectFrom("attributes").innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id").select(["attributes.link_id", "taxonomy_terms.code"]).where("attributes.link_entity", "=", "service").execute();
    const users = await db.selectFrom("users").select(["id", "organisation_id", "name", "email"]).where("email", "in", ["champion@waymark.example", "staff@waymark.example", "coordinator@waymark.example"]).execute();
    if (areas.length === 0 || users.length < 3) throw new Error("The demo partnership is missing: run `npm run db:seed` with SEED_DEMO_DATA=true first.");
    const ctx: Context = {
      db,
      today: todayInUk(),
      now: new Date().toISOString(),
      areas: areas.map((a) => ({ ...a, districts: districts.filter((d) => d.area_id === a.id).map((d) => d.outward_code) })),
      services: services.map((s) => ({ ...s, categories: categories.filter((c) => c.link_id === s.id && c.code).map((c) => c.code!) })),
      users: Object.fromEntries(users.map((u) => [u.email.split("@")[0], u])),
    };
    const started = performance.now();
    const made = await addTriagesAndReferrals(ctx);
    const helped = await addPeopleHelpedAndTraining(ctx);
    // Backdated referrals are not "changed since the last refresh", so count every day again.
    await rebuildReferralCounts(db);
    await db
      .insertInto("app_meta")
      .values({ key: FLAG, value: ctx.now })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: ctx.now }))
      .execute();
    console.log(`Added a year of demo activity in ${((performance.now() - started) / 1000).toFixed(0)} s: ${made.triages} triages, ${made.referrals} referrals, ${helped} people helped, and quiz passes for the demo champion, staff member and coordinator.`);
  } finally {
    await db.destroy();
  }
}

await main();
