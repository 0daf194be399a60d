/** The saved list, sending it, sharing a service and reporting a listing, for a resident reading Welsh. */
import { beforeAll, describe, expect, it } from "vitest";
import { action as reportAction, loader as reportLoader } from "~/routes/services.$id.report";
import { action as shareAction, loader as shareLoader } from "~/routes/services.$id.share";
import { action as shortlistAction, loader as shortlistLoader } from "~/routes/services.shortlist._index";
import { loader as sendLoader } from "~/routes/services.shortlist.send";
import { seedDirectory } from "~/directory/seed.server";
import { serviceIdFor } from "~/directory/stable-id";
import { languageCookie } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { formBody } from "../../helpers/auth";

const context = { cspNonce: "", clientIp: "127.0.0.1" };
const DROP_IN = serviceIdFor("maidstone-library-get-online-drop-in");
const HOW_TEXT = "Galw heibio, does dim angen apwyntiad";
type AnyHandler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

async function call(handler: unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await (handler as AnyHandler)({ request, params, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let welsh: string;
const request = (path: string, cookies: string[], fields?: Record<string, string>) =>
  new Request(`http://localhost${path}`, {
    method: fields ? "POST" : "GET",
    body: fields ? formBody(fields) : undefined,
    headers: { Cookie: cookies.join("; ") },
  });

beforeAll(async () => {
  await seedDirectory(getDb());
  welsh = (await languageCookie.serialize("cy")).split(";")[0];
});

describe("the saved list in Welsh", () => {
  it("is in Welsh, with the provider's words marked English, and refuses a bad request in Welsh", async () => {
    const saved = await call(shortlistAction, request("/services/shortlist", [welsh], { intent: "add", serviceId: DROP_IN, returnTo: "/services/shortlist" }));
    expect(saved.status).toBe(302);
    const session = saved.headers.get("Set-Cookie")!.split(";")[0];

    const { text, english, services } = await (await call(shortlistLoader, request("/services/shortlist", [welsh, session]))).json();
    expect(text.title).toBe("Eich gwasanaethau wedi'u cadw");
    expect(text.print).toBe("Argraffu'r rhestr hon");
    expect(english).toBe("en-GB");
    expect(services[0]).toMatchObject({ id: DROP_IN, name: "Get online drop-in at Maidstone Library", nameLang: "en-GB" });
    // Waymark's own label for how to get help is translated.
    expect(services[0].howToAccessText).toBe(HOW_TEXT);

    const refused = await call(shortlistAction, request("/services/shortlist", [welsh, session], { intent: "add", serviceId: "00000000-0000-4000-8000-000000000000" }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("Ni allem ddod o hyd i'r gwasanaeth hwnnw. Efallai ei fod wedi cael ei dynnu o'r cyfeiriadur.");

    const send = await (await call(sendLoader, request("/services/shortlist/send", [welsh, session]))).json();
    expect(send.text.title).toBe("Anfon eich gwasanaethau wedi'u cadw");
    expect(send.fields["to.label"]).toBe("Cyfeiriad e-bost neu rif ffôn symudol yn y DU");
    expect(send.names).toEqual([{ id: DROP_IN, name: "Get online drop-in at Maidstone Library", nameLang: "en-GB" }]);
  });
});

describe("sending a service's details in Welsh", () => {
  it("labels the form in Welsh and gives its errors in Welsh", async () => {
    const page = await (await call(shareLoader, request(`/services/${DROP_IN}/share`, [welsh]), { id: DROP_IN })).json();
    expect(page.text.title).toBe("Anfon y manylion drwy e-bost neu neges destun");
    expect(page.nameLang).toBe("en-GB");
    const noConsent = await call(shareAction, request(`/services/${DROP_IN}/share`, [welsh], { to: "" }), { id: DROP_IN });
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).errors).toEqual({
      to: "Rhowch gyfeiriad e-bost neu rif ffôn symudol yn y DU",
      consent: "Ticiwch y blwch i ddweud y cawn ni anfon y neges hon",
    });
    const badNumber = await call(shareAction, request(`/services/${DROP_IN}/share`, [welsh], { to: "01632 960000", consent: "yes" }), { id: DROP_IN });
    expect((await badNumber.json()).errors).toEqual({ to: "Rhowch rif ffôn symudol yn y DU, fel 07700 900 982, neu gyfeiriad e-bost" });
  });
});

describe("reporting a problem with a listing in Welsh", () => {
  it("asks in Welsh, names the kinds of problem in Welsh, and refuses in Welsh", async () => {
    const page = await (await call(reportLoader, request(`/services/${DROP_IN}/report`, [welsh]), { id: DROP_IN })).json();
    expect(page.text.title).toBe("Rhoi gwybod am broblem gyda'r rhestriad hwn");
    expect(page.text["kinds.closed"]).toBe("Mae'r gwasanaeth wedi cau neu wedi dod i ben");
    const refused = await call(reportAction, request(`/services/${DROP_IN}/report`, [welsh], { kind: "something-else", details: "", email: "nope" }), { id: DROP_IN });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({
      details: "Dywedwch wrthym ni beth sy'n anghywir",
      email: "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com",
    });
    const tooLong = await call(reportAction, request(`/services/${DROP_IN}/report`, [welsh], { kind: "closed", details: "x".repeat(1001), email: "" }), { id: DROP_IN });
    expect((await tooLong.json()).errors.details).toBe("Dywedwch wrthym ni mewn 1,000 nod neu lai");
  });
});
