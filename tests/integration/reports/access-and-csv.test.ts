import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { getDb } from "~/lib/db.server";
import { loader as boardLoader } from "~/routes/reports.board-summary";
import { loader as csvLoader } from "~/routes/reports.csv.$figure";
import { loader as gapsLoader } from "~/routes/reports.gaps";
import { loader as reportsLoader } from "~/routes/reports._index";
import { createTestArea, createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { IDS, insertReferral, respond, saveTriage } from "./fixtures";

const PERIOD = "period=custom&from=2026-01-01&to=2026-03-31";

let coordinator: TestUser;
let smallCoordinator: TestUser;
let champion: TestUser;
let smallArea: string;

async function csv(user: TestUser, figure: string, query = PERIOD): Promise<Response> {
  return respond(csvLoader, await signedInRequest(`/reports/csv/${figure}?${query}`, user), { figure });
}

/** The CSV's data lines as label → the cells after the period and area columns. */
async function csvTable(response: Response): Promise<Record<string, string[]>> {
  const lines = (await response.text()).trim().split("\r\n").slice(1);
  return Object.fromEntries(lines.map((line) => line.split(",")).map((cells) => [cells[3], cells.slice(4)]));
}

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  // A small area of its own: 13 triages with a champion and 3 self-checks in the quarter.
  smallArea = await createTestArea(db, "Small Village", ["ZZ1"]);
  for (let i = 0; i < 16; i++) {
    await saveTriage(db, {
      at: `2026-02-${String(i + 1).padStart(2, "0")}T10:00:00.000Z`,
      mode: i < 13 ? "assisted" : "self",
      areaId: smallArea,
      barriers: i < 2 ? { device: "high" } : i < 9 ? { device: "some", skills: "high" } : { skills: "some" },
      level: i < 3 ? "foundation" : "below-foundation",
    });
  }
  await saveTriage(db, { at: "2026-02-10T10:00:00.000Z", mode: "assisted", postcode: "CT9", barriers: { device: "high" }, level: "below-foundation" });
  await insertReferral(db, { createdAt: "2026-02-20T10:00:00.000Z", serviceId: IDS.cliftonville, areaId: IDS.thanet, status: "sent" });

  coordinator = await createTestUser(db, { role: "coordinator", organisationId: IDS.council, areaIds: [IDS.maidstone] });
  smallCoordinator = await createTestUser(db, { role: "coordinator", organisationId: IDS.council, areaIds: [smallArea] });
  champion = await createTestUser(db, { role: "champion", organisationId: IDS.champions, areaIds: [IDS.maidstone] });
});

describe("who may see reports", () => {
  it.each([
    ["/reports", reportsLoader, {}],
    ["/reports/gaps", gapsLoader, {}],
    ["/reports/board-summary", boardLoader, {}],
    ["/reports/csv/barriers", csvLoader, { figure: "barriers" }],
  ])("%s: sign in first, and champions are refused", async (path, loader, params) => {
    const signedOut = await respond(loader, await signedInRequest(path, null), params);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await respond(loader, await signedInRequest(path, champion), params)).status).toBe(403);
    expect((await respond(loader, await signedInRequest(path, coordinator), params)).status).toBe(200);
  });

  it("offers a coordinator only their own areas, and refuses another area's id", async () => {
    const ok = await respond(reportsLoader, await signedInRequest(`/reports?${PERIOD}`, coordinator));
    const body = (await ok.json()) as { areas: { id: string; name: string }[]; report: { keyFigures: { id: string; value: string }[] } };
    expect(body.areas).toEqual([{ id: IDS.maidstone, name: "Maidstone" }]);
    // Thanet's triage and referral never reach a Maidstone coordinator's figures.
    expect(body.report.keyFigures.find((k) => k.id === "triages")!.value).toBe("0");
    expect(body.report.keyFigures.find((k) => k.id === "referrals")!.value).toBe("0");

    for (const [path, loader, params] of [
      [`/reports?${PERIOD}&area=${IDS.thanet}`, reportsLoader, {}],
      [`/reports/gaps?${PERIOD}&area=${IDS.thanet}`, gapsLoader, {}],
      [`/reports/board-summary?${PERIOD}&area=${IDS.thanet}`, boardLoader, {}],
    ] as const) {
      const refused = await respond(loader, await signedInRequest(path, coordinator), params);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({ area: "Choose an area from the list" });
    }
    const refusedCsv = await csv(coordinator, "triage-modes", `${PERIOD}&area=${IDS.thanet}`);
    expect(refusedCsv.status).toBe(400);
    expect(await refusedCsv.text()).toContain("Choose an area from the list");
  });
});

describe("bad filters", () => {
  it("answers 400 with a message for each field, keeping what was typed", async () => {
    const response = await respond(reportsLoader, await signedInRequest("/reports?period=custom&from=2026-02-30&to=yesterday", coordinator));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string>; values: Record<string, string>; report: unknown };
    expect(body.errors).toEqual({ from: "Start date must be a real date", to: "End date must be a date like 2025-04-01" });
    expect(body.values).toMatchObject({ from: "2026-02-30", to: "yesterday" });
    expect(body.report).toBeNull();
  });

  it("refuses a bad distance on the gap analysis and a bad date on a CSV", async () => {
    const gaps = await respond(gapsLoader, await signedInRequest("/reports/gaps?distance=7", coordinator));
    expect(gaps.status).toBe(400);
    expect(((await gaps.json()) as { errors: Record<string, string> }).errors).toEqual({ distance: "Choose a distance from the list" });
    const file = await csv(coordinator, "barriers", "from=2026-03-01&to=2026-01-01");
    expect(file.status).toBe(400);
    expect(await file.text()).toBe("The file could not be made: End date must be the same as or after the start date.");
  });

  it("answers 404 for a figure that does not exist", async () => {
    expect((await csv(coordinator, "everything")).status).toBe(404);
  });
});

describe("CSV files hide small counts", () => {
  it("hides a count of 1 to 4, and another so the total cannot give it away", async () => {
    const response = await csv(smallCoordinator, "triage-modes");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="waymark-triage-modes-2026-01-01-to-2026-03-31.csv"');
    // 13 assisted, 3 self: 3 is hidden, so 13 is too (16 − 13 = 3), and the total with them.
    expect(await csvTable(response)).toEqual({ "With a champion or staff": ["[c]"], "Self-check by the resident": ["<5"], Total: ["[c]"] });
  });

  it("hides a small severity, the row total that would reveal it, and a row that leaves 1 to 4 triages out", async () => {
    const rows = await csvTable(await csv(smallCoordinator, "barriers"));
    // Device: 7 some, 2 a lot (hidden) → 7 hidden too, and the row total with them.
    expect(rows["Access to a device"]).toEqual(["[c]", "<5", "[c]", "[c]"]);
    // Skills: 7 some and 7 a lot, 14 of 16 triages: 16 − 14 would say 2 had no skills barrier.
    expect(rows["Digital skills"]).toEqual(["[c]", "[c]", "[c]", "[c]"]);
    expect(rows["Motivation"]).toEqual(["0", "0", "0", "0%"]);
    expect(rows["All triages (what shares are of)"]).toEqual(["16", "", "", ""]);
  });

  it("writes the levels of all 16 with the small one protected", async () => {
    const rows = await csvTable(await csv(smallCoordinator, "skills-levels"));
    expect(rows).toMatchObject({ "Not yet at Foundation level": ["[c]", "[c]"], Foundation: ["<5", "<5"], "Essential skills for life": ["0", "0%"], Total: ["[c]", ""] });
  });

  it("keeps the coordinator's own page exact", async () => {
    const response = await respond(reportsLoader, await signedInRequest(`/reports?${PERIOD}`, smallCoordinator));
    const body = (await response.json()) as { report: { figures: { id: string; rows: { label: string; cells: string[] }[] }[] } };
    const modes = body.report.figures.find((f) => f.id === "triage-modes")!;
    expect(modes.rows.map((r) => r.cells)).toEqual([["13"], ["3"]]);
  });

  it("suppresses the board summary's figures and headline numbers too", async () => {
    const response = await respond(boardLoader, await signedInRequest(`/reports/board-summary?${PERIOD}`, smallCoordinator));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { summary: { keyFigures: { id: string; value: string }[]; figures: { id: string; rows: { label: string; cells: string[] }[] }[] } };
    const levels = body.summary.figures.find((f) => f.id === "skills-levels")!;
    expect(levels.rows.map((r) => r.cells[0])).toEqual(["[c]", "<5", "0", "0"]);
    expect(body.summary.keyFigures.find((k) => k.id === "triages")!.value).toBe("16");
    expect(body.summary.keyFigures.find((k) => k.id === "referrals")!.value).toBe("0");
  });
});
