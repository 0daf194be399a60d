import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDirectoryContent } from "~/directory/directory-content.server";
import { loadTaxonomies } from "~/directory/taxonomy.server";
import { BARRIER_IDS, CATEGORY_IDS, GOAL_IDS } from "~/lib/frameworks";

const ROOT = process.cwd();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of a content folder with one file's text edited. */
function copyWith(from: string, file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-content-"));
  temps.push(dir);
  fs.cpSync(path.join(ROOT, from), dir, { recursive: true });
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, "utf8")));
  return dir;
}

describe("taxonomy content", () => {
  it("has one term per category, each mapped to known barriers and goals", () => {
    const [taxonomy] = loadTaxonomies();
    expect(taxonomy.name).toBe("Waymark digital inclusion categories");
    expect(taxonomy.terms.map((t) => t.id).sort()).toEqual([...CATEGORY_IDS].sort());
    for (const term of taxonomy.terms) {
      expect(term.barriers.every((b) => (BARRIER_IDS as readonly string[]).includes(b))).toBe(true);
      expect(term.goals.every((g) => (GOAL_IDS as readonly string[]).includes(g))).toBe(true);
    }
  });

  it("names the file, term and field when a barrier is unknown", () => {
    const dir = copyWith("content/taxonomy", "digital-inclusion.yaml", (t) =>
      t.replace("barriers: [device, affordability]", "barriers: [device, money]"),
    );
    expect(() => loadTaxonomies(dir)).toThrow(/digital-inclusion\.yaml: terms "device-loan", field barriers\.1: Invalid enum value/);
  });

  it("reports a category with no term", () => {
    const dir = copyWith("content/taxonomy", "digital-inclusion.yaml", (t) => t.replace(/ {2}- id: childcare-family[\s\S]*$/, ""));
    expect(() => loadTaxonomies(dir)).toThrow(/terms "childcare-family", field id: category missing/);
  });
});

describe("directory content", () => {
  it("loads the partnership and at least 70 demo services", () => {
    const content = loadDirectoryContent();
    expect(content.partnership.areas.map((a) => a.id)).toEqual(["maidstone", "thanet", "tunbridge-wells"]);
    expect(content.partnership.organisations.length).toBeGreaterThanOrEqual(10);
    expect(content.services.length).toBeGreaterThanOrEqual(70);
    expect(content.services.filter((s) => s.area === null).length).toBeGreaterThanOrEqual(5);
  });

  it("names the file, service and field when a phone number is not a drama number", () => {
    const dir = copyWith("content/directory", "services/thanet.yaml", (t) => t.replace("01632 960411", "01843 577577"));
    expect(() => loadDirectoryContent(dir)).toThrow(
      /services\/thanet\.yaml: services "margate-library-computers", field phones\.0\.number: Demo phone numbers must be in Ofcom's drama ranges/,
    );
  });

  it("rejects a schedule whose closing time is before it opens", () => {
    const dir = copyWith("content/directory", "services/maidstone.yaml", (t) =>
      t.replace('byday: WE, opens_at: "14:00", closes_at: "16:00"', 'byday: WE, opens_at: "14:00", closes_at: "13:00"'),
    );
    expect(() => loadDirectoryContent(dir)).toThrow(
      /services "shepway-library-tech-help", field locations\.0\.schedules\.0\.closes_at: Must be after opens_at/,
    );
  });

  it("reports an unknown organisation and a location outside the file's area", () => {
    const dir = copyWith("content/directory", "services/tunbridge-wells.yaml", (t) =>
      t.replace("organisation: wealden-green-housing", "organisation: nobody").replace("postcode: TN18 4EY", "postcode: ME14 1AA"),
    );
    const run = () => loadDirectoryContent(dir);
    expect(run).toThrow(/services "wealden-green-connected-homes", field organisation: no organisation "nobody"/);
    expect(run).toThrow(/locations "hawkhurst-library", field postcode: ME14 is not a district of Tunbridge Wells/);
  });

  it("reports a service pointing at a location that does not exist", () => {
    const dir = copyWith("content/directory", "services/maidstone.yaml", (t) => t.replace("- location: coxheath-library\n", "- location: coxheath-libary\n"));
    expect(() => loadDirectoryContent(dir)).toThrow(/services "coxheath-library-computers", field locations\.0\.location: no location "coxheath-libary"/);
  });
});
