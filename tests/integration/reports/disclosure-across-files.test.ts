import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { getDb } from "~/lib/db.server";
import { FIGURE_IDS } from "~/reports/figure";
import { loader as boardLoader } from "~/routes/reports.board-summary";
import { loader as csvLoader } from "~/routes/reports.csv.$figure";
import { createTestArea, createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { IDS, insertReferral, respond } from "./fixtures";

/**
 * An outsider with every CSV file and the board summary of one report tries to undo the
 * suppression by subtracting published numbers from each other.
 */
const PERIOD = "period=custom&from=2026-01-01&to=2026-03-31";

let coordinator: TestUser;
/** figure id → row label → the cells after the period and area columns. */
const files: Record<string, Record<string, string[]>> = {};
let headlines: Record<string, string> = {};

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trim().split("\r\n")) {
    const cells: string[] = [];
    for (const match of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      cells.push(match[1].startsWith('"') ? match[1].slice(1, -1).replace(/""/g, '"') : match[1]);
      if (match[2] === "") break;
    }
    rows.push(cells);
  }
  return rows;
}

/** Every published value of one quantity, as numbers; a hidden one ("<5", "[c]") is left out. */
function numbers(...values: (string | undefined)[]): number[] {
  return values.flatMap((v) => (v !== undefined && /^[\d,]+$/.test(v) ? [Number(v.replace(/,/g, ""))] : []));
}

/** The sum of a figure's rows, when every one of them is published. */
function sumOfRows(id: string): number[] {
  const rows = Object.entries(files[id]).filter(([label]) => label !== "Total" && !label.startsWith("All "));
  const values = rows.map(([, cells]) => cells[0]);
  return values.every((v) => /^\d+$/.test(v)) ? [values.reduce((s, v) => s + Number(v), 0)] : [];
}

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  const area = await createTestArea(db, "Subtraction Vale");
  coordinator = await createTestUser(db, { role: "coordinator", organisationId: IDS.council, areaIds: [area] });
  // 20 referrals with consent — 7 sent, 6 accepted, 2 declined, 5 closed with an outcome — and 2 signposts.
  const spec = { serviceId: IDS.parkWood, areaId: area };
  const at = (day: number) => `2026-02-${String(day).padStart(2, "0")}T10:00:00.000Z`;
  let day = 1;
  const add = async (n: number, more: Omit<Parameters<typeof insertReferral>[1], "createdAt" | "serviceId" | "areaId">) => {
    for (let i = 0; i < n; i++, day++) await insertReferral(db, { ...spec, createdAt: at(day), firstActionAt: more.status === "sent" ? null : at(day), ...more });
  };
  await add(7, { status: "sent" });
  await add(6, { status: "accepted" });
  await add(2, { status: "declined", declineReason: "no-capacity" });
  await add(5, { status: "closed", outcome: "got-online" });
  await add(2, { kind: "logged", status: "closed" });

  for (const id of FIGURE_IDS) {
    const response = await respond(csvLoader, await signedInRequest(`/reports/csv/${id}?${PERIOD}`, coordinator), { figure: id });
    expect(response.status).toBe(200);
    files[id] = Object.fromEntries(parseCsv(await response.text()).slice(1).map((cells) => [cells[3], cells.slice(4)]));
  }
  const board = await respond(boardLoader, await signedInRequest(`/reports/board-summary?${PERIOD}`, coordinator));
  const summary = ((await board.json()) as { summary: { keyFigures: { id: string; value: string }[] } }).summary;
  headlines = Object.fromEntries(summary.keyFigures.map((k) => [k.id, k.value]));
});

describe("one report's CSV files and board summary, set against each other", () => {
  it("hides the 2 signposts where they are counted", () => {
    expect(files["referrals-made"]["Signposts logged"]).toEqual(["<5"]);
  });

  it("cannot give the signposts away as referrals and signposts less referrals with consent", () => {
    const made = numbers(files["referral-categories"]["All referrals and signposts (what shares are of)"]?.[0], files["referrals-made"].Total?.[0], headlines.referrals);
    const live = [
      ...numbers(
        files["referrals-made"]["Referrals with consent"][0],
        files["referral-statuses"]["All referrals with consent (what shares are of)"]?.[0],
        files["referral-statuses"].Total?.[0],
        files["referral-results"]["All referrals with consent (what shares are of)"]?.[0],
        files["referral-results"].Total?.[0],
      ),
      ...sumOfRows("referral-statuses"),
      ...sumOfRows("referral-results"),
    ];
    // The 20 is still published (the test would pass trivially otherwise); the 22 is not.
    expect(live).toContain(20);
    expect(made).toEqual([]);
    for (const m of made) for (const l of live) expect(m - l).not.toBe(2);
  });

  it("cannot give the 2 declined away from the results, statuses and outcomes", () => {
    const results = files["referral-results"];
    const live = numbers(results["All referrals with consent (what shares are of)"]?.[0], files["referral-statuses"]["All referrals with consent (what shares are of)"]?.[0]);
    const reached = numbers(results["Reached an outcome"][0], files["referral-outcomes"]["All referrals with an outcome (what shares are of)"]?.[0], files["referral-outcomes"].Total?.[0]);
    const inProgress = numbers(results["Still in progress"][0]);
    const ended = numbers(results["Closed or withdrawn without an outcome"][0]);
    expect(results["Declined by the service"]).toEqual(["<5", "<5"]);
    // Declined = with consent − outcome − in progress − ended: at least one must be missing.
    expect(live.length > 0 && reached.length > 0 && inProgress.length > 0 && ended.length > 0).toBe(false);
    // And the statuses' "declined" row cannot be had from their base less the others.
    const statuses = Object.entries(files["referral-statuses"]).filter(([label]) => label !== "Total" && !label.startsWith("All ") && label !== "Declined");
    expect(statuses.every(([, cells]) => /^\d+$/.test(cells[0])) && live.length > 0).toBe(false);
  });

  it("withholds the headline that would give the hidden total back", () => {
    expect(headlines.referrals).toMatch(/^Not shown/);
    // 5 of 20 reached an outcome: 25% of a published 20 is 5, which hides nothing small.
    expect(headlines["reached-outcome"]).toBe("25%");
  });
});
