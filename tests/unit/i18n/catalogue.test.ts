import { describe, expect, it } from "vitest";
import { compareNamespace, fill, flatten, isWhole, pick } from "~/i18n/catalogue";
import { claimProblems, describeReports, type LanguageReport } from "~/i18n/report";

describe("flatten", () => {
  it("turns nested maps into dotted keys and trims the text", () => {
    expect(flatten({ a: { b: " One ", c: { d: "Two" } }, e: "Three" })).toEqual({ "a.b": "One", "a.c.d": "Two", e: "Three" });
    expect(flatten({ x: "Y" }, "bank")).toEqual({ "bank.x": "Y" });
  });

  it("refuses anything but text, naming the key", () => {
    expect(() => flatten({ a: { b: 3 } })).toThrow("a.b");
    expect(() => flatten({ a: ["list"] })).toThrow("a");
    expect(() => flatten({ a: "  " })).toThrow("a: text must not be empty");
  });
});

describe("pick", () => {
  it("takes the keys under a prefix, without it", () => {
    expect(pick({ "start.a": "1", "start.b.c": "2", startle: "3", other: "4" }, "start")).toEqual({ a: "1", "b.c": "2" });
    expect(pick({ a: "1", "b.c": "2" }, "")).toEqual({ a: "1", "b.c": "2" });
  });
});

describe("compareNamespace", () => {
  const english = { title: "Your plan", count: "{{count}} places near {{postcode}}", hint: "A hint" };

  it("lists what is missing, unknown to English, or has other placeholders", () => {
    const report = compareNamespace("plan", english, { title: "Eich cynllun", count: "{{count}} lle", extra: "Ychwanegol" });
    expect(report).toEqual({ namespace: "plan", total: 3, missing: ["hint"], unknown: ["extra"], placeholderMismatch: ["count"] });
    expect(isWhole(report)).toBe(false);
  });

  it("accepts placeholders in another order", () => {
    const report = compareNamespace("plan", english, { title: "T", count: "Ger {{postcode}}: {{ count }}", hint: "H" });
    expect(isWhole(report)).toBe(true);
  });

  it("counts a sentence's links as placeholders: the translation must link to the same pages, in any order", () => {
    const linked = { next: "You can [check](/check) or [find help](/services)." };
    expect(compareNamespace("common", linked, { next: "Gallwch chi [ddod o hyd i help](/services) neu [wirio](/check)." }).placeholderMismatch).toEqual([]);
    expect(compareNamespace("common", linked, { next: "Gallwch chi [wirio](/check)." }).placeholderMismatch).toEqual(["next"]);
    expect(compareNamespace("common", linked, { next: "[Gwirio](/check) neu [help](https://example.com)." }).placeholderMismatch).toEqual(["next"]);
  });
});

describe("claimProblems", () => {
  const report = (claimed: LanguageReport["claimed"], missing: string[]): LanguageReport => ({
    code: "cy",
    englishName: "Welsh",
    claimed,
    namespaces: [{ namespace: "home", total: 4, missing, unknown: [], placeholderMismatch: [] }],
  });

  it("fails a part claimed complete with keys missing, naming them", () => {
    expect(claimProblems([report(["home"], ["lead", "title"])])).toEqual(["content/i18n (cy, home) is listed as complete but is missing: lead, title"]);
  });

  it("fails a part claimed complete that has nothing translatable yet", () => {
    const untouched: LanguageReport = { ...report(["guides"], []), namespaces: [{ namespace: "guides", total: 0, missing: [], unknown: [], placeholderMismatch: [] }] };
    expect(claimProblems([untouched])).toEqual(["content/i18n (cy, guides) is listed as complete but has no text to translate yet"]);
  });

  it("lets an unclaimed part be partial, and says what falls back to English", () => {
    expect(claimProblems([report([], ["lead"])])).toEqual([]);
    expect(describeReports([report([], ["lead"])], { detail: true })).toEqual([
      "Welsh (cy): translated: nothing yet; falls back to English: home (1 of 4 keys in English)",
      "  home: lead",
    ]);
  });
});

describe("fill", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(fill("{{min}} to {{ max }}, {{other}}", { min: 0, max: 10 })).toBe("0 to 10, {{other}}");
  });
});
