import { describe, expect, it } from "vitest";
import { bankIn, getLanguage, getTranslationReports, languageCookie, pageText } from "~/i18n/i18n.server";

const request = (headers: Record<string, string>) => new Request("http://localhost/check", { headers });

describe("choosing the language", () => {
  it("offers a language the browser asks for, and English otherwise", async () => {
    await expect(getLanguage(request({ "accept-language": "cy-GB,cy;q=0.9,en;q=0.5" })).then((l) => l.code)).resolves.toBe("cy");
    await expect(getLanguage(request({ "accept-language": "pl" })).then((l) => l.code)).resolves.toBe("pl");
    await expect(getLanguage(request({ "accept-language": "fr-FR,de" })).then((l) => l.code)).resolves.toBe("en");
    await expect(getLanguage(request({})).then((l) => l.code)).resolves.toBe("en");
  });

  it("lets the switcher's cookie win over the browser", async () => {
    const cookie = (await languageCookie.serialize("pl")).split(";")[0];
    await expect(getLanguage(request({ cookie, "accept-language": "cy" })).then((l) => l.code)).resolves.toBe("pl");
  });

  it("shows a page in English, with English text, when its part is not offered in the language", async () => {
    const cookie = (await languageCookie.serialize("pl")).split(";")[0];
    const check = await pageText(request({ cookie }), "check");
    expect(check.code).toBe("pl");
    expect(check.t("start.startNow")).toBe("Zacznij teraz");
    expect(check.t("errors.scale-range", { min: 0, max: 10 })).toBe("Wybierz liczbę od 0 do 10.");
    const directory = await pageText(request({ cookie }), "directory");
    expect(directory.code).toBe("en");
  });
});

describe("the translations shipped", () => {
  it("have every key of the resident check and plan in Welsh and Polish", () => {
    for (const report of getTranslationReports()) {
      for (const part of ["common", "check", "plan"] as const) {
        const ns = report.namespaces.find((n) => n.namespace === part)!;
        expect(ns.total, `${report.code} ${part}`).toBeGreaterThan(0);
        expect(ns.missing, `${report.code} ${part}`).toEqual([]);
      }
    }
  });

  it("have every key of the directory and the footer pages in Welsh, which claims them", () => {
    const welsh = getTranslationReports().find((r) => r.code === "cy")!;
    expect(welsh.claimed).toEqual(expect.arrayContaining(["directory", "pages"]));
    for (const part of ["directory", "pages"] as const) {
      const ns = welsh.namespaces.find((n) => n.namespace === part)!;
      expect(ns.total, part).toBeGreaterThan(40);
      expect(ns.missing, part).toEqual([]);
    }
  });

  it("have every residents' guide in Welsh, which claims them, and say which guides Polish still shows in English", () => {
    const reports = getTranslationReports();
    const welsh = reports.find((r) => r.code === "cy")!;
    expect(welsh.claimed).toContain("guides");
    const guides = welsh.namespaces.find((n) => n.namespace === "guides")!;
    expect(guides.total).toBeGreaterThan(40);
    expect(guides.missing).toEqual([]);
    const polish = reports.find((r) => r.code === "pl")!.namespaces.find((n) => n.namespace === "guides")!;
    expect(polish.missing).toEqual(expect.arrayContaining(["articles.email-basics.title", "articles.email-basics.body", "page.contents"]));
  });

  it("give the bank in Welsh with the same questions", () => {
    const welsh = bankIn("cy");
    expect(welsh.questions.find((q) => q.id === "internet-use")?.resident).toBe("Pa mor aml ydych chi'n defnyddio'r rhyngrwyd?");
    expect(welsh.version).toBe(bankIn("en").version);
  });
});

describe("the champion's side-by-side wording", () => {
  it("gives the resident's question in their language, and nothing for English", async () => {
    const { residentQuestion, residentLanguages } = await import("~/i18n/i18n.server");
    expect(residentLanguages().map((l) => l.code)).toEqual(["en", "cy", "pl"]);
    expect(residentQuestion("pl", "work-status")).toMatchObject({
      lang: "pl",
      heading: "Czy szukasz pracy?",
      options: expect.arrayContaining(["Tak, szukam pracy"]),
    });
    expect(residentQuestion("en", "work-status")).toBeNull();
    expect(residentQuestion("xx", "work-status")).toBeNull();
  });
});
