import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadTrainingModules } from "~/knowledge/training.server";
import { PASS_MARK_PERCENT, parseTrainingModule, scoreQuiz } from "~/knowledge/training";

const CORE = ["being-a-digital-champion", "spotting-barriers-and-using-triage", "online-safety", "referral-consent-and-data-protection"];
const modules = loadTrainingModules();
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("shipped training modules", () => {
  it("include the four core modules, in order", () => {
    expect(modules.filter((m) => m.core).map((m) => m.id)).toEqual(CORE);
  });

  it.each(modules.map((m) => [m.id, m] as const))("%s has a well-formed quiz", (_id, module) => {
    expect(module.quiz.questions.length).toBeGreaterThanOrEqual(8);
    expect(module.quiz.questions.length).toBeLessThanOrEqual(15);
    for (const question of module.quiz.questions) {
      expect(question.options.length, question.id).toBeGreaterThanOrEqual(3);
      expect(question.options.length, question.id).toBeLessThanOrEqual(4);
      expect(question.options.filter((o) => o.correct), question.id).toHaveLength(1);
      for (const option of question.options) expect(option.feedback.length, `${question.id}/${option.id}`).toBeGreaterThan(10);
    }
  });

  it.each(modules.map((m) => [m.id, m] as const))("%s has 3-6 lessons of 150-400 words and 3-5 outcomes", (_id, module) => {
    expect(module.learningOutcomes.length).toBeGreaterThanOrEqual(3);
    expect(module.learningOutcomes.length).toBeLessThanOrEqual(5);
    expect(module.lessons.length).toBeGreaterThanOrEqual(3);
    expect(module.lessons.length).toBeLessThanOrEqual(6);
    for (const lesson of module.lessons) {
      expect(words(lesson.body), lesson.id).toBeGreaterThanOrEqual(150);
      expect(words(lesson.body), lesson.id).toBeLessThanOrEqual(400);
    }
  });

  it.each(modules.map((m) => [m.id, m] as const))("%s cannot be passed by always picking the same position", (_id, module) => {
    for (let position = 0; position < 4; position++) {
      const answers = Object.fromEntries(module.quiz.questions.map((q) => [q.id, q.options[Math.min(position, q.options.length - 1)].id]));
      expect(scoreQuiz(module, answers).percent).toBeLessThan(PASS_MARK_PERCENT);
    }
  });

  it("link only to knowledge articles that exist", () => {
    const slugs = new Set(fs.readdirSync(path.join(process.cwd(), "content", "knowledge")).map((name) => name.replace(/\.md$/, "")));
    const missing = modules.flatMap((m) => m.relatedArticles.filter((slug) => !slugs.has(slug)).map((slug) => `${m.id} → ${slug}`));
    expect(missing).toEqual([]);
  });
});

describe("a broken module file", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function writeModule(name: string, yaml: string): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "training-"));
    fs.writeFileSync(path.join(dir, name), yaml);
    return dir;
  }

  it("names the file, the module and the field when a question has two right answers", () => {
    const source = fs.readFileSync(path.join(process.cwd(), "content", "training", "online-safety.yaml"), "utf8");
    const broken = source.replace(/(- id: click-link\n\s+text: [^\n]+\n)/, "$1          correct: true\n");
    expect(broken).not.toBe(source);
    expect(() => loadTrainingModules(writeModule("online-safety.yaml", broken))).toThrow(
      /online-safety\.yaml: module "online-safety": field quiz\.questions\.0\.options: Exactly one option must be correct \(found 2\)/,
    );
  });

  it("names a missing field", () => {
    const source = fs.readFileSync(path.join(process.cwd(), "content", "training", "online-safety.yaml"), "utf8");
    const broken = source.replace(/^estimatedMinutes: \d+\n/m, "");
    expect(() => loadTrainingModules(writeModule("online-safety.yaml", broken))).toThrow(/module "online-safety": field estimatedMinutes: Required/);
  });

  it("reports unparseable YAML with the file name", () => {
    expect(() => loadTrainingModules(writeModule("bad.yaml", "id: [unclosed"))).toThrow(/bad\.yaml: module "\(unreadable\)"/);
  });

  it("rejects a module whose id does not match its file name", () => {
    const module = modules[0];
    expect(() => parseTrainingModule(module, "content/training/other.yaml")).toThrow(/other\.yaml: module "being-a-digital-champion": field id/);
    expect(() => parseTrainingModule(module, "content/training/not-being-a-digital-champion.yaml")).toThrow(/field id: must match the file name/);
    expect(parseTrainingModule(module, "content/training/being-a-digital-champion.yaml").id).toBe("being-a-digital-champion");
  });

  it("rejects two questions with the same id, which would make their answers collide", () => {
    const module = structuredClone(modules[0]);
    module.quiz.questions[1].id = module.quiz.questions[0].id;
    expect(() => parseTrainingModule(module, "content/training/being-a-digital-champion.yaml")).toThrow(/field quiz\.questions: Duplicate id "role"/);
  });

  it("names the file and the article when a related article does not exist", () => {
    const source = fs.readFileSync(path.join(process.cwd(), "content", "training", "online-safety.yaml"), "utf8");
    const broken = source.replace("  - safeguarding-and-boundaries\n", "  - safeguarding-and-boundries\n");
    expect(broken).not.toBe(source);
    const articleSlugs = new Set(fs.readdirSync(path.join(process.cwd(), "content", "knowledge")).map((name) => name.replace(/\.md$/, "")));
    const folder = writeModule("online-safety.yaml", broken);
    expect(() => loadTrainingModules(folder, { articleSlugs })).toThrow(
      /online-safety\.yaml: module "online-safety": field relatedArticles\.1: no knowledge article "safeguarding-and-boundries" \(content\/knowledge\/safeguarding-and-boundries\.md\)/,
    );
    // Without the articles to check against, only the module's own shape is checked.
    expect(loadTrainingModules(folder)[0].relatedArticles).toContain("safeguarding-and-boundries");
  });

  it("names the module as unknown when the id itself is missing", () => {
    expect(() => parseTrainingModule({ title: "x" }, "content/training/x.yaml")).toThrow(/x\.yaml: module "\(no id\)": field id: Required/);
  });
});
