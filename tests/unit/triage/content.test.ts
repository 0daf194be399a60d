import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GOAL_IDS } from "~/lib/frameworks";
import { type TriageContentFiles, TriageContentError, parseTriageContent } from "~/triage/parse-content";
import { TRIAGE_CONTENT_DIR, loadScenarios, loadTriageContent } from "~/triage/question-bank.server";

function realFiles(): TriageContentFiles {
  const read = (rel: string) => ({ path: `content/triage/${rel}`, text: fs.readFileSync(path.join(TRIAGE_CONTENT_DIR, rel), "utf8") });
  const sections: TriageContentFiles["sections"] = {};
  for (const name of fs.readdirSync(path.join(TRIAGE_CONTENT_DIR, "questions"))) {
    sections[name.replace(/\.yaml$/, "")] = read(`questions/${name}`);
  }
  return { bank: read("bank.yaml"), sections, rules: read("rules.yaml") };
}

/** Parses the real content with one file's text changed, and returns the error it raises. */
function errorAfterEdit(rel: string, edit: (text: string) => string): TriageContentError {
  const files = realFiles();
  const section = rel.startsWith("questions/") ? rel.slice("questions/".length, -".yaml".length) : null;
  const target = section ? files.sections[section]! : rel === "rules.yaml" ? files.rules : files.bank;
  const edited = edit(target.text);
  expect(edited, "the edit should change the file").not.toBe(target.text);
  target.text = edited;
  try {
    parseTriageContent(files, "test");
  } catch (error) {
    if (error instanceof TriageContentError) return error;
    throw error;
  }
  throw new Error("expected a TriageContentError");
}

describe("the shipped question bank", () => {
  const { bank, rules } = loadTriageContent();

  it("loads, with a version that changes when any content changes", () => {
    expect(bank.version).toMatch(/^2025\.1\+[0-9a-f]{8}$/);
    expect(loadTriageContent()).toBe(loadTriageContent());
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "triage-"));
    try {
      fs.cpSync(TRIAGE_CONTENT_DIR, copy, { recursive: true });
      expect(loadTriageContent(copy).bank.version).toBe(bank.version);
      fs.appendFileSync(path.join(copy, "rules.yaml"), "\n# an edit\n");
      expect(loadTriageContent(copy).bank.version).not.toBe(bank.version);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it("keeps the bank short enough for one conversation (branching trims it further)", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(25);
    expect(bank.questions.length).toBeLessThanOrEqual(37);
  });

  it("asks about every goal in the shared vocabulary", () => {
    const goals = bank.questions.find((q) => q.id === "goals");
    expect(goals?.kind).toBe("multiple");
    const offered = goals!.kind === "multiple" ? goals!.options.flatMap((o) => o.signals?.goals ?? []) : [];
    expect([...offered].sort()).toEqual([...GOAL_IDS].sort());
  });

  it("phrases every skill task as a question starting 'Can you' with the four standard answers", () => {
    const skills = bank.questions.filter((q) => q.kind === "skill");
    expect(skills).toHaveLength(8 + 8 + 5);
    for (const q of skills) {
      expect(q.resident).toMatch(/^Can you /);
      expect(q.kind === "skill" && q.options.map((o) => o.id)).toEqual(["own", "help", "cannot", "unknown"]);
    }
  });

  it("has rules that each point to directory categories and knowledge topics", () => {
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      expect(rule.categories.length).toBeGreaterThan(0);
      expect(rule.topics.length).toBeGreaterThan(0);
    }
  });

  it("ships at least 12 valid persona scenarios", () => {
    expect(loadScenarios().length).toBeGreaterThanOrEqual(12);
  });
});

describe("a broken question bank", () => {
  it("stops loading with the file, the question id and the field at fault", () => {
    const dir = path.resolve("tests/fixtures/triage/broken-bank");
    let caught: unknown;
    try {
      loadTriageContent(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TriageContentError);
    const error = caught as TriageContentError;
    expect(error.file).toBe("tests/fixtures/triage/broken-bank/questions/about-you.yaml");
    expect(error.itemId).toBe("devices");
    expect(error.field).toBe("options[1].signals.barriers.wifi");
    expect(error.message).toContain("tests/fixtures/triage/broken-bank/questions/about-you.yaml");
    expect(error.message).toContain('"devices"');
    expect(error.message).toContain("options[1].signals.barriers.wifi");
  });

  it("names a misspelt field", () => {
    const error = errorAfterEdit("questions/about-you.yaml", (t) => t.replace("  - id: feelings\n    kind: single\n    summary:", "  - id: feelings\n    kind: single\n    sumary:"));
    expect([error.file, error.itemId]).toEqual(["content/triage/questions/about-you.yaml", "feelings"]);
    expect(error.field).toBe("summary");
  });

  it("rejects an unknown question kind", () => {
    const error = errorAfterEdit("questions/confidence-and-support.yaml", (t) => t.replace("kind: scale", "kind: slider"));
    expect([error.itemId, error.field]).toEqual(["confidence", "kind"]);
    expect(error.detail).toContain("single, multiple, scale or skill");
  });

  it("rejects a condition on a question asked later", () => {
    const error = errorAfterEdit("questions/about-you.yaml", (t) =>
      t.replace("  - id: feelings\n    kind: single\n", "  - id: feelings\n    kind: single\n    showIf: { question: devices, anyOf: [none] }\n"),
    );
    expect([error.itemId, error.field]).toEqual(["feelings", "showIf.question"]);
  });

  it("rejects a condition naming an option the question does not have", () => {
    const error = errorAfterEdit("questions/devices-and-connection.yaml", (t) => t.replace("anyOf: [mobile-contract, mobile-prepay]", "anyOf: [mobile-contract, carrier-pigeon]"));
    expect([error.itemId, error.field]).toEqual(["data-runs-out", "showIf"]);
    expect(error.detail).toContain("carrier-pigeon");
  });

  it("rejects a duplicate question id, naming the second file", () => {
    const error = errorAfterEdit("questions/skills-for-work.yaml", (t) => t.replace("id: w-job-scams", "id: l-spot-scams"));
    expect([error.file, error.itemId, error.field]).toEqual(["content/triage/questions/skills-for-work.yaml", "l-spot-scams", "id"]);
  });

  it("needs all 8 Foundation tasks for the national rule", () => {
    const error = errorAfterEdit("questions/everyday-skills.yaml", (t) => t.replace(/ {2}- id: f-change-password[\s\S]*$/, ""));
    expect(error.file).toBe("content/triage/questions/everyday-skills.yaml");
    expect(error.detail).toContain("exactly 8 Foundation tasks; found 7");
  });

  it("needs a life task in every one of the five areas", () => {
    const error = errorAfterEdit("questions/doing-things-online.yaml", (t) => t.replace("area: problem-solving }", "area: being-safe }"));
    expect(error.detail).toContain('"problem-solving"');
  });

  it("rejects a rule pointing at an unknown knowledge topic or category", () => {
    const topic = errorAfterEdit("rules.yaml", (t) => t.replace("topics: [social-tariffs]", "topics: [cheap-broadband]"));
    expect([topic.file, topic.itemId, topic.field]).toEqual(["content/triage/rules.yaml", "social-tariff", "topics[0]"]);
    const category = errorAfterEdit("rules.yaml", (t) => t.replace("categories: [online-safety]", "categories: [cyber]"));
    expect([category.itemId, category.field]).toEqual(["stay-safe-from-scams", "categories[0]"]);
  });

  it("rejects a rule condition on a flag that does not exist", () => {
    const error = errorAfterEdit("rules.yaml", (t) => t.replace("when: { flag: needs-vary }", "when: { flag: bad-days }"));
    expect([error.itemId, error.field]).toEqual(["plan-around-good-days", "when.flag"]);
  });

  it("needs a resident title for a rule whose title speaks about the person", () => {
    const missing = errorAfterEdit("rules.yaml", (t) => t.replace("    residentTitle: Start with what matters to you\n", ""));
    expect([missing.file, missing.itemId, missing.field]).toEqual(["content/triage/rules.yaml", "start-with-their-goals", "residentTitle"]);
    const wrong = errorAfterEdit("rules.yaml", (t) => t.replace("title: Get a device that works for you", "title: Get a device that works for them"));
    expect([wrong.itemId, wrong.field]).toEqual(["get-a-device", "residentTitle"]);
    const text = errorAfterEdit("rules.yaml", (t) => t.replace("resident: Ask about borrowing", "resident: Ask about lending them"));
    expect([text.itemId, text.field]).toEqual(["get-a-device", "resident"]);
  });

  it("reports YAML that cannot be read", () => {
    const error = errorAfterEdit("bank.yaml", (t) => t.replace("sections:", "sections: [\n"));
    expect(error.file).toBe("content/triage/bank.yaml");
    expect(error.detail).toContain("not valid YAML");
  });
});
