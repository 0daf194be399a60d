/** The pure rules behind the directory pages: query parsing, summaries and shared messages. */
import { describe, expect, it } from "vitest";
import { parseSearchParams, searchQueryString } from "~/directory/search-params";
import { isFreeService, isStale, openingText, shortDescription, summarise, type ServiceRecord } from "~/directory/service-view";
import { shareMessage, shareSchema } from "~/directory/share-form";
import { SMS_MAX_LENGTH } from "~/messaging/message";

const NOW = new Date("2026-06-02T09:00:00Z"); // a Tuesday, 10am in London

function record(fields: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    id: "0ebd990a-fd0c-51ef-a5b3-1abf3d2bccae",
    name: "Tech help hour",
    description: "A relaxed hour to get help with your phone. Bring your charger.",
    nameCy: null,
    descriptionCy: null,
    organisationName: "Kent Community Libraries",
    categories: [{ id: "drop-in-help", name: "Drop-in digital help" }],
    termNames: ["Drop-in digital help"],
    status: "active",
    isNational: false,
    attendingModes: ["in-person"],
    languageCodes: ["en"],
    howToAccess: "drop-in",
    feesDescription: "Free",
    costs: [],
    assuredDate: "2026-05-01",
    locations: [{ name: "Shepway Library", lat: 51.2567, lon: 0.5401 }],
    schedules: [{ freq: "WEEKLY", byday: "TU", opens_at: "09:30", closes_at: "11:00", place: "Shepway Library" }],
    isDemo: false,
    ...fields,
  };
}

describe("parseSearchParams", () => {
  it("reads every parameter and writes the same query back", () => {
    const { params, errors } = parseSearchParams(new URLSearchParams("q=%20laptop%20%20loan&postcode=me14&category=device-loan&category=free-data&cost=free&day=tuesday&attending=online&page=3"));
    expect(errors).toEqual({});
    expect(params).toEqual({ q: "laptop loan", postcode: "me14", categories: ["device-loan", "free-data"], free: true, day: "tuesday", attending: "online", language: null, page: 3 });
    expect(searchQueryString(params)).toBe("?q=laptop+loan&postcode=me14&category=device-loan&category=free-data&cost=free&day=tuesday&attending=online&page=3");
    expect(searchQueryString({ ...params, page: 1, q: "" })).not.toContain("page=");
  });

  it.each([
    ["page=0", "page"],
    ["page=2.5", "page"],
    ["page=abc", "page"],
    ["category=cats", "category"],
    ["cost=cheap", "cost"],
    ["day=Tuesday", "day"],
    [`q=${"a".repeat(101)}`, "q"],
    ["postcode=ME14%201LE%201LE%201LE", "postcode"],
  ])("drops %s with a message and keeps the rest", (query, field) => {
    const { params, errors } = parseSearchParams(new URLSearchParams(`${query}&attending=phone`));
    expect(Object.keys(errors)).toEqual([field]);
    expect(params.attending).toBe("phone");
  });
});

describe("summaries", () => {
  it("counts a service as free when the help is, even if extras cost money", () => {
    expect(isFreeService("Free to use. Printing 20p a page.", [{ amount: 0.2 }])).toBe(true);
    expect(isFreeService(null, [])).toBe(true);
    expect(isFreeService("£150 a term", [{ amount: 150 }])).toBe(false);
    expect(isFreeService(null, [{ amount: 0 }, { amount: 150 }])).toBe(false);
  });

  it("calls a listing stale after 12 months unchecked, or never checked", () => {
    expect(isStale("2025-06-03", NOW)).toBe(false);
    expect(isStale("2025-06-01", NOW)).toBe(true);
    expect(isStale(null, NOW)).toBe(true);
  });

  it("keeps the first sentence, or cuts at a word", () => {
    expect(shortDescription("Borrow a laptop. Keep it for three months.")).toBe("Borrow a laptop.");
    const long = shortDescription("word ".repeat(60), 50);
    expect(long.length).toBeLessThanOrEqual(51);
    expect(long.endsWith("word…")).toBe(true);
  });

  it("says open now until closing, or when the next session is", () => {
    const rules = record().schedules;
    expect(openingText(rules, NOW)).toEqual({ openNow: true, text: "Open now until 11am at Shepway Library" });
    expect(openingText(rules, new Date("2026-06-02T11:00:00Z"))).toEqual({ openNow: false, text: "Next: Tuesday 9 June, 9:30am to 11am at Shepway Library" });
    expect(openingText(rules, new Date("2026-06-01T09:00:00Z")).text).toBe("Next: Tomorrow, 9:30am to 11am at Shepway Library");
    expect(openingText([], NOW)).toEqual({ openNow: false, text: null });
  });

  it("labels national, online and phone services and shows a distance when there is one", () => {
    const summary = summarise(record({ isNational: true, attendingModes: ["online", "phone"], locations: [] }), null, NOW);
    expect(summary.reachLabels).toEqual(["Available across the UK", "Online", "By phone"]);
    expect(summary.distanceText).toBeNull();
    expect(summarise(record(), { distanceKm: 1.234, nearestLocation: "Shepway Library" }, NOW).distanceText).toBe("1.2 km away");
  });
});

describe("sending services", () => {
  it("needs consent, and sends a text to a mobile number and an email to an email address", () => {
    expect(shareSchema.safeParse({ to: "a@example.com" }).success).toBe(false);
    expect(shareSchema.safeParse({ to: "a@example", consent: "yes" }).success).toBe(false);
    expect(shareSchema.safeParse({ to: "01632 960000", consent: "yes" }).success).toBe(false);
    expect(shareSchema.parse({ to: " +44 7700 900982 ", consent: "yes" })).toEqual({ channel: "sms", to: "07700900982", consent: "yes" });
    expect(shareSchema.parse({ to: "a@example.com", consent: "yes" })).toMatchObject({ channel: "email", to: "a@example.com" });
  });

  it("keeps a text message within one Notify text, saying how many more there were", () => {
    const services = Array.from({ length: 30 }, (_, i) => summarise(record({ id: `id-${i}`, name: `A service with a fairly long name number ${i}` }), null, NOW));
    const { body } = shareMessage(services, "sms", (id) => `https://waymark.example.org/services/${id}-0000-0000-0000-000000000000`);
    expect(body.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(body).toMatch(/And \d+ more/);
    const email = shareMessage(services.slice(0, 2), "email", (id) => `https://waymark.example.org/services/${id}`);
    expect(email.body).toContain("https://waymark.example.org/services/id-1");
    expect(email.subject).toBe("Services you saved on Waymark");
  });
});
