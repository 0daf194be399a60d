/** Residents' guides in Welsh: served to a Welsh reader, marked English where there is no translation. */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { languageCookie } from "~/i18n/i18n.server";
import { loader as articleLoader } from "~/routes/knowledge.$slug";
import { planLookups } from "~/triage/plan-lookups.server";
import { args, dataOf } from "./support";

const state = vi.hoisted(() => ({ loaderData: undefined as unknown }));
vi.mock("@remix-run/react", () => ({
  useLoaderData: () => state.loaderData,
}));

async function guide(slug: string, language: string | null) {
  const headers: Record<string, string> = language ? { Cookie: (await languageCookie.serialize(language)).split(";")[0] } : {};
  const data = await dataOf(articleLoader(args(new Request(`http://localhost/knowledge/${slug}`, { headers }), { slug })));
  const { default: Page } = await import("~/routes/knowledge.$slug");
  state.loaderData = data;
  return { data, html: renderToString(<Page />) };
}

describe("a residents' guide read in Welsh", () => {
  it("is the Welsh guide, with Welsh labels and a Welsh date, not marked as English", async () => {
    const { data, html } = await guide("social-tariffs", "cy");
    expect(data).toMatchObject({
      title: "Tariffau cymdeithasol - band eang a ffôn rhatach",
      typeLabel: "Canllaw",
      lastReviewedText: "6 Rhagfyr 2026",
      readingTimeText: "3 munud i'w ddarllen",
      barrierLabels: ["Cost data a dyfeisiau", "Cysylltiad (band eang, data symudol, signal)"],
    });
    expect(data.lang).toBeUndefined();
    expect(data.notTranslated).toBeUndefined();
    expect(data.contents.map((c: { text: string }) => c.text)).toContain("Pwy all gael un?");
    expect(html).toContain("<h1 class=\"govuk-heading-xl\">Tariffau cymdeithasol - band eang a ffôn rhatach</h1>");
    expect(html).toContain(">Cynnwys</h2>");
    expect(html).toContain("Mae gan gwmnïau gwahanol fargeinion gwahanol.");
    expect(html).not.toContain("Different companies have different deals.");
    // Nothing in the guide itself is marked English (only links to English-only guides are, below).
    expect(html.slice(0, html.indexOf("<aside"))).not.toMatch(/lang="en-GB"/);
    // The category link names the category in Welsh.
    expect(html).toContain(">Band eang rhatach a thariffau cymdeithasol</a>");
  });

  it("marks links to guides that are only in English with hreflang, and Welsh ones not", async () => {
    const { data, html } = await guide("social-tariffs", "cy");
    const related = Object.fromEntries(data.related.map((r: { slug: string; title: string; lang?: string }) => [r.slug, r]));
    expect(related["free-data-sims-and-devices"]).toMatchObject({ title: "Data, cardiau SIM a dyfeisiau am ddim" });
    expect(related["free-data-sims-and-devices"].lang).toBeUndefined();
    expect(related["universal-credit-and-online-forms"]).toMatchObject({ lang: "en-GB" });
    expect(html).toMatch(/<a class="govuk-link" href="\/knowledge\/universal-credit-and-online-forms" lang="en-GB" hrefLang="en-GB">/);
    expect(html).toContain('<a href="/knowledge/free-data-sims-and-devices" class="govuk-link">data, cardiau SIM a dyfeisiau am ddim</a>');
  });

  it("is English, as before, for an English reader", async () => {
    const { data, html } = await guide("social-tariffs", null);
    expect(data.title).toBe("Social tariffs - cheaper broadband and phone deals");
    expect(data.lastReviewedText).toBe("23 November 2026");
    expect(html).toContain(">Contents</h2>");
    expect(html).toContain("Written for");
  });

  it("is English for a Polish reader, whose language has no guides yet (the layout marks the page)", async () => {
    const { data } = await guide("social-tariffs", "pl");
    expect(data.title).toBe("Social tariffs - cheaper broadband and phone deals");
    expect(data.notTranslated).toBeUndefined();
  });
});

describe("a guide for champions read in Welsh", () => {
  it("stays English, marked lang=\"en-GB\", and says so in Welsh", async () => {
    const { data, html } = await guide("spotting-barriers", "cy");
    expect(data.title).toBe("The barriers to getting online and how to spot them");
    expect(data.lang).toBe("en-GB");
    expect(data.notTranslated).toBe("Nid yw'r dudalen hon ar gael yn Gymraeg eto, felly mae hi yn Saesneg.");
    expect(html).toContain('<div lang="en-GB">');
    expect(html).toContain("Written for");
  });
});

describe("the guides a plan links to", () => {
  it("are titled in Welsh, unmarked, on a Welsh plan, and in English marked as such on a Polish one", () => {
    expect(planLookups("cy").guide("video-calls", "resident")).toEqual({ title: "Galwadau fideo" });
    expect(planLookups("cy").guidesForBarrier("support", "resident")).toContainEqual({ slug: "finding-someone-to-help", title: "Dod o hyd i rywun i'ch helpu ar-lein" });
    expect(planLookups("pl").guide("video-calls", "resident")).toEqual({ title: "Video calls", lang: "en-GB" });
    expect(planLookups("en").guide("video-calls", "resident")).toEqual({ title: "Video calls" });
  });
});
