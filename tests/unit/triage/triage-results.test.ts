import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "~db/migrator";
import { type Db, createDatabase } from "~/lib/db.server";
import { completeTriage } from "~/triage/outcome";
import { loadTriageContent } from "~/triage/question-bank.server";
import { findTriageResultById, findTriageResultByReference, saveTriageResult } from "~/triage/triage-results.server";
import type { Answers, TriageContent } from "~/triage/types";
import { confidentAnswers } from "./helpers";

const content = loadTriageContent();

function outcomeFor(answers: Answers, from: TriageContent = content) {
  const completed = completeTriage(from, answers, "assisted");
  if (!completed.ok) throw new Error(completed.error);
  return completed.outcome;
}

let db: Db;

beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
  await db.insertInto("organisations").values({ id: "org-1", name: "Riverside Library", kind: "library" }).execute();
  await db.insertInto("areas").values({ id: "area-1", name: "Maidstone" }).execute();
  await db.insertInto("area_districts").values({ area_id: "area-1", outward_code: "ME14" }).execute();
  await db.insertInto("users").values({ id: "user-1", email: "c@example.org", name: "Champion", role: "champion", organisation_id: "org-1" }).execute();
});

afterEach(async () => {
  await db.destroy();
});

describe("stored triage results", () => {
  it("saves the outcome and finds it again by its reference, however it is typed", async () => {
    const outcome = outcomeFor(confidentAnswers({ devices: ["none"] }));
    const saved = await saveTriageResult(db, {
      outcome,
      postcode: "me14 1le",
      observations: "  Keen to learn; came with a letter from the council.  ",
      createdByUserId: "user-1",
      organisationId: "org-1",
      completedAt: "2025-03-01T10:00:00.000Z",
    });
    expect(saved.reference).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(saved).toMatchObject({
      mode: "assisted",
      bankVersion: content.bank.version,
      outwardPostcode: "ME14",
      areaId: "area-1",
      observations: "Keen to learn; came with a letter from the council.",
      completedAt: "2025-03-01T10:00:00.000Z",
    });
    const typed = `${saved.reference.slice(0, 4).toLowerCase()}-${saved.reference.slice(4)}`;
    const found = await findTriageResultByReference(db, typed);
    expect(found).toEqual(saved);
    expect(found?.result.barriers.device.severity).toBe("high");
    expect(found?.plan[0].ruleId).toBe("get-a-device");
    expect(await findTriageResultById(db, saved.id)).toEqual(saved);
  });

  it("keeps only the outward postcode, and nothing that names the person", async () => {
    const saved = await saveTriageResult(db, { outcome: outcomeFor(confidentAnswers()), postcode: "ME14 1LE" });
    const row = await db.selectFrom("triage_results").selectAll().where("id", "=", saved.id).executeTakeFirstOrThrow();
    expect(row.outward_postcode).toBe("ME14");
    expect(JSON.stringify(row)).not.toContain("1LE");
    await expect(saveTriageResult(db, { outcome: outcomeFor(confidentAnswers()), postcode: "not a postcode" })).rejects.toThrow(/not a UK postcode/);
  });

  it("leaves the area empty when the postcode is outside every area, or not given", async () => {
    expect((await saveTriageResult(db, { outcome: outcomeFor(confidentAnswers()), postcode: "CT9" })).areaId).toBeNull();
    expect(await saveTriageResult(db, { outcome: outcomeFor(confidentAnswers()) })).toMatchObject({ areaId: null, outwardPostcode: null });
  });

  it("gives each result its own reference", async () => {
    const references = new Set<string>();
    for (let i = 0; i < 20; i++) references.add((await saveTriageResult(db, { outcome: outcomeFor(confidentAnswers()) })).reference);
    expect(references.size).toBe(20);
  });

  it("returns null for an unknown or malformed reference", async () => {
    expect(await findTriageResultByReference(db, "2222 2222")).toBeNull();
    expect(await findTriageResultByReference(db, "O0O0")).toBeNull();
  });

  it("still shows an old result the same way after the question bank changes", async () => {
    // Save a result made with an older wording of the bank, then read it back with today's bank loaded.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "triage-"));
    let older: TriageContent;
    try {
      fs.cpSync("content/triage", copy, { recursive: true });
      const file = path.join(copy, "questions/about-you.yaml");
      fs.writeFileSync(
        file,
        fs.readFileSync(file, "utf8")
          .replace("How often do you use the internet?", "How often are you online?")
          .replace("label: I used to, but I don't now", "label: I stopped"),
      );
      older = loadTriageContent(copy);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    expect(older.bank.version).not.toBe(content.bank.version);
    const saved = await saveTriageResult(db, { outcome: outcomeFor(confidentAnswers({ "internet-use": "stopped" }), older) });

    const later = await findTriageResultByReference(db, saved.reference);
    expect(later?.bankVersion).toBe(older.bank.version);
    expect(later?.snapshot.find((s) => s.questionId === "internet-use")).toMatchObject({
      question: "How often are you online?",
      answer: ["I stopped"],
      skipped: false,
      inferred: false,
    });
    expect(later?.result.inclusion).toEqual({ point: 2, label: "Was online, but no longer" });
    expect(later?.plan.map((s) => s.ruleId)).toContain("come-back-online");
  });
});
