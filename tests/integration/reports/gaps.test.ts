import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { getDb } from "~/lib/db.server";
import { loader } from "~/routes/reports.gaps";
import { createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { IDS, respond, saveTriage } from "./fixtures";

interface GapRowView {
  district: string;
  barrier: string;
  people: number;
  high: number;
  dedicated: number;
  national: number;
  nearest: string | null;
  gap: boolean;
}

let admin: TestUser;
let thanetCoordinator: TestUser;

async function gaps(user: TestUser, query: string): Promise<GapRowView[]> {
  const response = await respond(loader, await signedInRequest(`/reports/gaps?period=custom&from=2026-01-01&to=2026-03-31&${query}`, user));
  expect(response.status).toBe(200);
  return ((await response.json()) as { analysis: { rows: GapRowView[] } }).analysis.rows;
}

const find = (rows: GapRowView[], district: string, barrier: string) => rows.find((r) => r.district === district && r.barrier === barrier);

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  admin = await createTestUser(db, { role: "admin", organisationId: IDS.council, areaIds: [] });
  thanetCoordinator = await createTestUser(db, { role: "coordinator", organisationId: IDS.council, areaIds: [IDS.thanet] });
  const at = (day: number) => `2026-02-${String(day).padStart(2, "0")}T10:00:00.000Z`;
  // Margate: 6 people without a device (4 held back a lot); Maidstone: 3; Tunbridge Wells: 5 with access needs.
  for (let i = 1; i <= 6; i++) await saveTriage(db, { at: at(i), mode: "assisted", postcode: "CT9", barriers: { device: i <= 4 ? "high" : "some" }, level: "below-foundation" });
  for (let i = 1; i <= 3; i++) await saveTriage(db, { at: at(i), mode: "assisted", postcode: "ME15", barriers: { device: "high" }, level: "below-foundation" });
  for (let i = 1; i <= 5; i++) await saveTriage(db, { at: at(i), mode: "self", postcode: "TN1", barriers: { accessibility: "high", skills: "some" }, level: "foundation" });
});

describe("/reports/gaps", () => {
  it("finds no device scheme near Margate and no assistive technology near Tunbridge Wells", async () => {
    const rows = await gaps(admin, "distance=5");
    expect(find(rows, "CT9", "Access to a device")).toMatchObject({ people: 6, high: 4, dedicated: 0, gap: true, national: 1 });
    expect(find(rows, "TN1", "Accessibility and disability")).toMatchObject({ people: 5, dedicated: 0, gap: true, national: 1 });
    // Both gaps lead the list, the one affecting more people first.
    expect(rows.slice(0, 2).map((r) => `${r.district} ${r.barrier}`)).toEqual(["CT9 Access to a device", "TN1 Accessibility and disability"]);
    // Maidstone has its own device scheme at Park Wood.
    expect(find(rows, "ME15", "Access to a device")).toMatchObject({ people: 3, gap: false });
    expect(find(rows, "ME15", "Access to a device")!.dedicated).toBeGreaterThan(0);
    // Skills help is all over Tunbridge Wells.
    expect(find(rows, "TN1", "Digital skills")).toMatchObject({ people: 5, gap: false });
  });

  it("still finds the Thanet gap at 20 km, with the nearest scheme far away in Maidstone", async () => {
    const row = find(await gaps(admin, "distance=20"), "CT9", "Access to a device")!;
    expect(row.gap).toBe(true);
    expect(row.nearest).toMatch(/^\d+ km \(/);
    expect(Number(row.nearest!.split(" ")[0])).toBeGreaterThan(40);
  });

  it("shows a coordinator only their own districts", async () => {
    const rows = await gaps(thanetCoordinator, "distance=5");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.district.startsWith("CT"))).toBe(true);
  });
});
