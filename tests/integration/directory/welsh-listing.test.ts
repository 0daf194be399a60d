/** A listing's Welsh name and description, shown to residents reading Waymark in Welsh. */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as serviceLoader } from "~/routes/services.$id._index";
import { loader as searchLoader } from "~/routes/services._index";
import { refreshServiceInIndex } from "~/directory/directory-index.server";
import { seedDirectory } from "~/directory/seed.server";
import { serviceIdFor } from "~/directory/stable-id";
import { languageCookie } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";

const context = { cspNonce: "", clientIp: "127.0.0.1" };
const DROP_IN = serviceIdFor("maidstone-library-get-online-drop-in");
type Loader = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<Response>;

async function load(loader: unknown, path: string, language: string | null, params: Record<string, string> = {}) {
  const headers: Record<string, string> = language ? { Cookie: (await languageCookie.serialize(language)).split(";")[0] } : {};
  const response = await (loader as Loader)({ request: new Request(`http://localhost${path}`, { headers }), params, context });
  return response.json();
}

beforeAll(async () => {
  await seedDirectory(getDb());
  await getDb()
    .updateTable("services")
    .set({ name_cy: "Sesiwn galw heibio ar-lein yn Llyfrgell Maidstone", description_cy: "Help am ddim gyda ffonau a chyfrifiaduron.\n\nDewch â'ch dyfais." })
    .where("id", "=", DROP_IN)
    .execute();
  await refreshServiceInIndex(getDb(), DROP_IN);
});

describe("a listing with a Welsh name and description", () => {
  it("shows them on its page in Welsh, unmarked, and the English on an English page", async () => {
    const welsh = await load(serviceLoader, `/services/${DROP_IN}`, "cy", { id: DROP_IN });
    expect(welsh.service).toMatchObject({
      name: "Sesiwn galw heibio ar-lein yn Llyfrgell Maidstone",
      description: ["Help am ddim gyda ffonau a chyfrifiaduron.", "Dewch â'ch dyfais."],
    });
    expect(welsh.service.nameLang).toBeUndefined();
    expect(welsh.service.descriptionLang).toBeUndefined();
    expect(welsh.text.howHeading).toBe("Sut i gael help");

    const english = await load(serviceLoader, `/services/${DROP_IN}`, null, { id: DROP_IN });
    expect(english.service.name).toBe("Get online drop-in at Maidstone Library");
    expect(english.service.nameLang).toBeUndefined();
    expect(english.text.howHeading).toBe("How to get help");
  });

  it("shows the Welsh name in Welsh results, and marks other listings' English names", async () => {
    const { services, text } = await load(searchLoader, "/services?q=Maidstone+library", "cy");
    expect(text["search.title"]).toBe("Dod o hyd i help yn agos atoch chi");
    const mine = services.find((s: { id: string }) => s.id === DROP_IN);
    expect(mine).toMatchObject({ name: "Sesiwn galw heibio ar-lein yn Llyfrgell Maidstone", shortDescription: "Help am ddim gyda ffonau a chyfrifiaduron." });
    expect(mine.nameLang).toBeUndefined();
    const other = services.find((s: { id: string }) => s.id !== DROP_IN);
    expect(other.nameLang).toBe("en-GB");
  });

  it("keeps Welsh to Welsh: a Polish reader sees the English name", async () => {
    const { services } = await load(searchLoader, "/services?q=Maidstone+library", "pl");
    expect(services.find((s: { id: string }) => s.id === DROP_IN).name).toBe("Get online drop-in at Maidstone Library");
  });

  it("translates a bad search value's message by the field it belongs to", async () => {
    const { errors } = await load(searchLoader, "/services?day=someday&category=nonsense", "cy");
    expect(errors).toEqual({ day: "Dewiswch ddiwrnod o'r rhestr", category: "Dewiswch fath o help o'r rhestr" });
  });
});

describe("help in a language (ORUK languages)", () => {
  it("offers the languages listings are in as a filter, named in the page's language, and keeps to listings in that language", async () => {
    const all = await load(searchLoader, "/services", "cy");
    expect(all.languages).toContainEqual({ code: "pl", name: "Pwyleg" });
    const polish = await load(searchLoader, "/services?language=pl", "cy");
    expect(polish.services.length).toBeGreaterThan(0);
    const polishIds = new Set((polish.services as { id: string }[]).map((s) => s.id));
    // The filter leaves listings out: some on the unfiltered page offer no help in Polish.
    expect((all.services as { id: string }[]).some((s) => !polishIds.has(s.id))).toBe(true);
    for (const service of polish.services as { id: string }[]) {
      const { service: detail } = await load(serviceLoader, `/services/${service.id}`, null, { id: service.id });
      expect(detail.languages, service.id).toContain("Polish");
    }
  });
});
