import { describe, expect, it } from "vitest";
import { buildSearchIndex, offeredLanguages, removeDocument, searchServices } from "~/directory/search-index";
import { parseSearchParams, searchQueryString } from "~/directory/search-params";
import { languageName } from "~/i18n/languages";
import { NOW, doc } from "./search-fixtures";

describe("help in a language", () => {
  const polish = doc({ name: "Pomoc cyfrowa", languageCodes: ["en", "pl"] });
  const romanian = doc({ name: "Ajutor digital", languageCodes: ["en", "ro"] });
  const english = doc({ name: "Tech help hour", languageCodes: ["en"] });

  it("finds only the listings that offer help in the chosen language", () => {
    const index = buildSearchIndex([polish, romanian, english]);
    expect(searchServices(index, { language: "pl", now: NOW }).items.map((i) => i.id)).toEqual([polish.id]);
    expect(searchServices(index, { language: "en", now: NOW }).total).toBe(3);
    expect(searchServices(index, { language: "ar", now: NOW }).total).toBe(0);
  });

  it("offers in the filter only the languages some live listing has", () => {
    const index = buildSearchIndex([polish, romanian, english]);
    expect(offeredLanguages(index)).toEqual(["en", "pl", "ro"]);
    removeDocument(index, romanian.id);
    expect(offeredLanguages(index)).toEqual(["en", "pl"]);
  });

  it("reads the language from the address, and refuses anything that is not a language code", () => {
    expect(parseSearchParams(new URLSearchParams("language=PL")).params.language).toBe("pl");
    const bad = parseSearchParams(new URLSearchParams("language=<script>"));
    expect(bad.params.language).toBeNull();
    expect(bad.errors.language).toBe("Choose a language from the list");
    expect(searchQueryString({ language: "pl" })).toBe("?language=pl");
  });

  it("names languages from their codes, in the page's language", () => {
    expect(languageName("pl")).toBe("Polish");
    expect(languageName("cy")).toBe("Welsh");
    expect(languageName("pl", "cy")).toBe("Pwyleg");
  });
});
