/**
 * A database for the reports benchmark: the demo partnership and directory, then a year of made-up
 * activity at scale — by default 1,000,000 triages and 300,000 referrals, plus people helped and
 * quiz passes. The same seed gives the same data. Rows go in through Kysely in batches inside
 * one transaction per table, and the triage daily counts (and their monthly roll-up) are added up
 * in memory and written once, so a million triages take a few minutes, not hours.
 *
 * Run on its own: npx tsx scripts/bench/generate-reporting-data.ts [file or postgres://…/database] [--triages N] [--referrals N]
 */
import fs from "node:fs";
import { sql } from "kysely";
import { pathToFileURL } from "node:url";
import { migrateToLatest } from "~db/migrator";
import type { NewPersonHelped } from "~db/schema/knowledge";
import type { DeclineReason, NewReferral, OutcomeId, ReferralStatus } from "~db/schema/referrals";
import type { NewTriageResultRow } from "~db/schema/triage";
import type { Db } from "~/lib/db.server";
import { createDatabase, isPostgresUrl } from "~/lib/db.server";
import { seedDemoData } from "~/lib/demo-seed.server";
import { BARRIER_IDS, EDS_LEVELS, GOAL_IDS } from "~/lib/frameworks";
import { addMonthlyCounts } from "~/reports/monthly-counts.server";
import { addDays } from "~/reports/period";
import { rebuildReferralCounts } from "~/reports/referral-counts.server";
import { type DailyCountRow, type DistrictCountRow, dailyKey, districtKey, triageCountRows } from "~/reports/triage-facts.server";
import { REFERENCE_ALPHABET } from "~/lib/reference-code";
import { todayInUk } from "~/knowledge/people-helped";
import { createFreshDatabase } from "../lib/postgres-databases";

export interface GenerateOptions {
  triages: number;
  referrals: number;
  peopleHelped: number;
  /** The last day of the generated year, YYYY-MM-DD. */
  end: string;
  seed: number;
  log?: (line: string) => void;
}

/** The year ends yesterday, so every step of every referral is in the past and none looks freshly changed. */
export const DEFAULTS: GenerateOptions = { triages: 1_000_000, referrals: 300_000, peopleHelped: 60_000, end: addDays(todayInUk(), -1), seed: 20_260_401 };

/** mulberry32: small, fast and good enough for made-up data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function weighted<T>(rand: () => number, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}

/** A unique readable reference for row n, so a million rows never draw the same code twice. */
function referenceFor(prefix: string, n: number): string {
  let code = "";
  let rest = n;
  for (let i = 0; i < 7; i++) {
    code = REFERENCE_ALPHABET[rest % REFERENCE_ALPHABET.length] + code;
    rest = Math.floor(rest / REFERENCE_ALPHABET.length);
  }
  return prefix + code;
}

function uuidFor(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `0000000${kind}-0000-4000-8000-${hex}`;
}

/** Base chance of each barrier, and how much more (or less) likely it is in each area. */
const BARRIER_CHANCE: Record<string, number> = { device: 0.22, connectivity: 0.2, affordability: 0.28, skills: 0.55, confidence: 0.45, motivation: 0.14, accessibility: 0.12, language: 0.08, support: 0.3 };
const AREA_TILT: Record<string, Record<string, number>> = {
  thanet: { device: 1.6, affordability: 1.3, connectivity: 1.2 },
  "tunbridge-wells": { accessibility: 1.6, support: 1.2, affordability: 0.7 },
  maidstone: { language: 1.6 },
};
/** More people come forward in winter (cold, bills, January job hunting), fewer in August. */
const MONTH_WEIGHT = [1.3, 1.2, 1.1, 1.0, 0.95, 0.9, 0.8, 0.7, 1.0, 1.05, 1.1, 0.9];

export interface DemoArea {
  id: string;
  slug: string;
  districts: string[];
  weight: number;
}

async function loadAreas(db: Db): Promise<DemoArea[]> {
  const areas = await db.selectFrom("areas").select(["id", "name"]).execute();
  const districts = await db.selectFrom("area_districts").select(["area_id", "outward_code"]).execute();
  const weights: Record<string, number> = { Maidstone: 0.42, Thanet: 0.36, "Tunbridge Wells": 0.22 };
  return areas
    .filter((a) => a.name in weights)
    .map((a) => ({
      id: a.id,
      slug: a.name.toLowerCase().replace(/ /g, "-"),
      districts: districts.filter((d) => d.area_id === a.id).map((d) => d.outward_code),
      weight: weights[a.name],
    }));
}

/**
 * `count` days drawn by season, in date order: rows then reach each index in order, which is
 * several times faster to write than the same rows in random order.
 */
function drawDays(rand: () => number, days: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () => pick(rand, days)).sort();
}

/** Days of the year weighted by season, as a table to draw from. */
function dayTable(end: string): string[] {
  const days: string[] = [];
  for (let i = 364; i >= 0; i--) {
    const day = addDays(end, -i);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const copies = Math.round(MONTH_WEIGHT[Number(day.slice(5, 7)) - 1] * (weekday === 0 ? 2 : weekday === 6 ? 4 : 10));
    for (let c = 0; c < copies; c++) days.push(day);
  }
  return days;
}

/** A time in working hours on the day, but never later than now. */
function timeOn(rand: () => number, day: string): string {
  const minutes = 9 * 60 + Math.floor(rand() * 8 * 60);
  const time = `${day}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00.000Z`;
  const now = new Date().toISOString();
  return time < now ? time : now;
}

export interface GeneratedTriage {
  mode: "self" | "assisted";
  area: DemoArea | null;
  district: string | null;
  barriers: Record<string, { severity: "some" | "high" }>;
  level: string;
  goals: string[];
}

export function randomTriage(rand: () => number, areas: readonly DemoArea[]): GeneratedTriage {
  const area = rand() < 0.05 ? null : weighted(rand, areas.map((a) => [a, a.weight] as const));
  const barriers: GeneratedTriage["barriers"] = {};
  for (const barrier of BARRIER_IDS) {
    const chance = BARRIER_CHANCE[barrier] * (area ? (AREA_TILT[area.slug]?.[barrier] ?? 1) : 1);
    if (rand() < chance) barriers[barrier] = { severity: rand() < 0.4 ? "high" : "some" };
  }
  const level = weighted(rand, [
    [EDS_LEVELS[0].id, barriers.skills?.severity === "high" ? 0.8 : 0.25],
    [EDS_LEVELS[1].id, 0.3],
    [EDS_LEVELS[2].id, barriers.skills ? 0.1 : 0.3],
    [EDS_LEVELS[3].id, barriers.skills ? 0.02 : 0.15],
  ] as const);
  const goals = new Set<string>();
  const wanted = 1 + Math.floor(rand() * 3);
  while (goals.size < wanted) goals.add(pick(rand, GOAL_IDS));
  return { mode: rand() < 0.38 ? "self" : "assisted", area, district: area ? pick(rand, area.districts) : null, barriers, level, goals: [...goals] };
}

async function inBatches<T>(rows: readonly T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function generateTriages(db: Db, options: GenerateOptions, areas: DemoArea[], days: string[], rand: () => number): Promise<void> {
  const daily = new Map<string, DailyCountRow>();
  const districts = new Map<string, DistrictCountRow>();
  const add = <T extends { count: number }>(map: Map<string, T>, key: string, row: T) => {
    const seen = map.get(key);
    if (seen) seen.count += row.count;
    else map.set(key, row);
  };
  const CHUNK = 50_000;
  const completedOn = drawDays(rand, days, options.triages);
  for (let start = 0; start < options.triages; start += CHUNK) {
    const rows: NewTriageResultRow[] = [];
    const counted: { triage_id: string; counted_at: string }[] = [];
    for (let n = start; n < Math.min(options.triages, start + CHUNK); n++) {
      const t = randomTriage(rand, areas);
      const completedAt = timeOn(rand, completedOn[n]);
      const id = uuidFor(1, n);
      const result = { barriers: t.barriers, skills: { level: t.level }, goals: t.goals };
      rows.push({
        id,
        reference: referenceFor("T", n),
        mode: t.mode,
        bank_version: "bench",
        outward_postcode: t.district,
        area_id: t.area?.id ?? null,
        answers: "{}",
        result: JSON.stringify({ format: 1, result, plan: [], snapshot: [] }),
        completed_at: completedAt,
        created_at: completedAt,
      });
      counted.push({ triage_id: id, counted_at: completedAt });
      const rowsFor = triageCountRows({ mode: t.mode, result, completedAt, areaId: t.area?.id ?? null, outwardCode: t.district });
      for (const row of rowsFor.daily) add(daily, dailyKey(row), row);
      for (const row of rowsFor.districts) add(districts, districtKey(row), row);
    }
    await db.transaction().execute(async (trx) => {
      await inBatches(rows, 2_000, (batch) => trx.insertInto("triage_results").values(batch).execute());
      await inBatches(counted, 2_000, (batch) => trx.insertInto("triage_counted").values(batch).execute());
    });
    options.log?.(`  triages: ${Math.min(options.triages, start + CHUNK).toLocaleString("en-GB")}`);
  }
  await db.transaction().execute(async (trx) => {
    await inBatches([...daily.values()], 1_000, (batch) => trx.insertInto("report_counts_daily").values(batch).execute());
    await addMonthlyCounts(trx, [...daily.values()]);
    await inBatches([...districts.values()], 1_000, (batch) => trx.insertInto("triage_district_counts_daily").values(batch).execute());
  });
  options.log?.(`  daily count rows: ${daily.size.toLocaleString("en-GB")}, district rows: ${districts.size.toLocaleString("en-GB")}`);
}

const OUTCOMES: readonly OutcomeId[] = ["got-online", "completed-course", "received-device", "received-data", "social-tariff", "job-or-training", "no-longer-needed", "other"];

export interface ReferralStory {
  status: ReferralStatus;
  sent_at: string | null;
  first_action_at: string | null;
  outcome: OutcomeId | null;
  decline_reason: DeclineReason | null;
  closed_at: string | null;
  status_changed_at: string;
}

/** Where a referral made on `created` has got to by `end`, with plausible gaps between the steps. */
export function referralStory(rand: () => number, createdAt: string, end: string, kind: "live" | "logged"): ReferralStory {
  const created = createdAt.slice(0, 10);
  const at = (days: number) => timeOn(rand, addDays(created, days));
  const age = (Date.parse(`${end}T12:00:00Z`) - Date.parse(`${created}T12:00:00Z`)) / 86_400_000;
  const base = { sent_at: null, first_action_at: null, outcome: null, decline_reason: null, closed_at: null };
  if (kind === "logged") return { ...base, status: "closed", closed_at: createdAt, status_changed_at: createdAt };
  const firstActionDays = weighted(rand, [[0, 0.2], [1, 0.3], [2, 0.18], [3, 0.1], [4, 0.07], [6, 0.06], [8, 0.05], [12, 0.04]] as const);
  const sent = { ...base, sent_at: createdAt };
  if (age < firstActionDays || rand() < 0.02) return { ...sent, status: "sent", status_changed_at: createdAt };
  const firstAction = firstActionDays === 0 ? createdAt : at(firstActionDays);
  if (rand() < 0.1) {
    const closed = age > firstActionDays + 5 && rand() < 0.7;
    return { ...sent, first_action_at: firstAction, decline_reason: pick(rand, ["not-eligible", "no-capacity", "other"] as const), status: closed ? "closed" : "declined", closed_at: closed ? at(firstActionDays + 5) : null, status_changed_at: closed ? at(firstActionDays + 5) : firstAction };
  }
  const accepted = { ...sent, first_action_at: firstAction };
  if (rand() < 0.05 && age > firstActionDays + 2) return { ...accepted, status: "withdrawn", closed_at: at(firstActionDays + 2), status_changed_at: at(firstActionDays + 2) };
  const outcomeDays = firstActionDays + 7 + Math.floor(rand() * 30);
  if (age < outcomeDays) return { ...accepted, status: pick(rand, ["accepted", "contacted", "attended", "couldnt-contact"] as const), status_changed_at: firstAction };
  if (rand() < 0.18) return { ...accepted, status: "closed", closed_at: at(outcomeDays), status_changed_at: at(outcomeDays) };
  const outcome = weighted(rand, [[OUTCOMES[0], 0.25], [OUTCOMES[1], 0.2], [OUTCOMES[2], 0.12], [OUTCOMES[3], 0.12], [OUTCOMES[4], 0.1], [OUTCOMES[5], 0.08], [OUTCOMES[6], 0.08], [OUTCOMES[7], 0.05]] as const);
  const closed = age > outcomeDays + 3;
  return { ...accepted, outcome, status: closed ? "closed" : "outcome", closed_at: closed ? at(outcomeDays + 3) : null, status_changed_at: closed ? at(outcomeDays + 3) : at(outcomeDays) };
}

async function generateReferrals(db: Db, options: GenerateOptions, areas: DemoArea[], days: string[], rand: () => number): Promise<void> {
  const services = await db.selectFrom("services").select(["id", "organisation_id", "area_id"]).where("published", "=", 1).where("status", "=", "active").execute();
  const national = services.filter((s) => s.area_id === null);
  const CHUNK = 50_000;
  const createdOn = drawDays(rand, days, options.referrals);
  for (let start = 0; start < options.referrals; start += CHUNK) {
    const rows: NewReferral[] = [];
    for (let n = start; n < Math.min(options.referrals, start + CHUNK); n++) {
      const area = pick(rand, areas);
      const local = services.filter((s) => s.area_id === area.id);
      const service = rand() < 0.15 || local.length === 0 ? pick(rand, national) : pick(rand, local);
      const createdAt = timeOn(rand, createdOn[n]);
      const kind = rand() < 0.12 ? "logged" : "live";
      const story = referralStory(rand, createdAt, options.end, kind);
      rows.push({
        id: uuidFor(2, n),
        reference: referenceFor("R", n),
        kind,
        service_id: service.id,
        organisation_id: service.organisation_id,
        area_id: area.id,
        reasons: JSON.stringify({ barriers: [], goals: [] }),
        outward_code: pick(rand, area.districts),
        created_at: createdAt,
        updated_at: story.status_changed_at,
        ...story,
      });
    }
    await db.transaction().execute((trx) => inBatches(rows, 400, (batch) => trx.insertInto("referrals").values(batch).execute()));
    options.log?.(`  referrals: ${Math.min(options.referrals, start + CHUNK).toLocaleString("en-GB")}`);
  }
}

async function generatePeopleHelped(db: Db, options: GenerateOptions, areas: DemoArea[], days: string[], rand: () => number): Promise<void> {
  const champions = await db.selectFrom("users").select(["id", "organisation_id"]).where("role", "in", ["champion", "staff"]).execute();
  const rows: NewPersonHelped[] = [];
  for (let n = 0; n < options.peopleHelped; n++) {
    const area = pick(rand, areas);
    const champion = pick(rand, champions);
    rows.push({
      id: uuidFor(3, n),
      user_id: champion.id,
      organisation_id: champion.organisation_id,
      area_id: area.id,
      helped_on: pick(rand, days),
      place: "Library",
      outward_code: pick(rand, area.districts),
      barriers: "[]",
      minutes: pick(rand, [15, 20, 30, 30, 45, 60, 60, 90]),
    });
  }
  await db.transaction().execute((trx) => inBatches(rows, 500, (batch) => trx.insertInto("people_helped").values(batch).execute()));
}

/**
 * Fills `location` (made afresh) with the demo partnership and the generated activity: an SQLite
 * file, or a postgres:// address whose database is dropped and created again on that server.
 */
export async function generateReportingDatabase(location: string, options: GenerateOptions = DEFAULTS): Promise<void> {
  const postgres = isPostgresUrl(location);
  if (postgres) await createFreshDatabase(location, new URL(location).pathname.slice(1));
  else for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(location + suffix, { force: true });
  const db = createDatabase(location);
  try {
    // A bigger page cache for the bulk load (about 256 MB), so index pages stay in memory.
    if (!postgres) await sql`PRAGMA cache_size = -262144`.execute(db);
    await migrateToLatest(db);
    await seedDemoData(db);
    const areas = await loadAreas(db);
    const days = dayTable(options.end);
    const rand = seededRandom(options.seed);
    await generateTriages(db, options, areas, days, rand);
    await generateReferrals(db, options, areas, days, rand);
    await generatePeopleHelped(db, options, areas, days, rand);
    const recounted = await rebuildReferralCounts(db);
    options.log?.(`  referral counts for ${recounted} days`);
    // Autovacuum would get to it within a minute or so; doing it now gives the planner its
    // statistics and index-only scans their visibility map before anything is timed.
    if (postgres) await sql`VACUUM ANALYZE`.execute(db);
  } finally {
    await db.destroy();
  }
}

function argValue(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a)) ?? "/tmp/waymark-reports-bench.db";
  const options = { ...DEFAULTS, triages: argValue(args, "--triages") ?? DEFAULTS.triages, referrals: argValue(args, "--referrals") ?? DEFAULTS.referrals, log: console.log };
  const started = performance.now();
  await generateReportingDatabase(file, options);
  console.log(`Wrote ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
