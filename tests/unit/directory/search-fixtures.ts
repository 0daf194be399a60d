import type { SearchDocument } from "~/directory/search-index";

export const MAIDSTONE = { lat: 51.2724, lon: 0.5229 };
export const MARGATE = { lat: 51.3891, lon: 1.3862 };
export const TUNBRIDGE_WELLS = { lat: 51.132, lon: 0.263 };
export const NOW = new Date("2025-06-01T12:00:00Z");

let counter = 0;

export function doc(fields: Partial<SearchDocument>): SearchDocument {
  counter++;
  return {
    id: `svc-${counter}`,
    name: `Service ${counter}`,
    description: "Friendly support for local residents.",
    organisationName: "Kent Community Trust",
    categoryIds: ["drop-in-help"],
    categoryNames: ["Drop-in digital help"],
    isFree: true,
    attendingModes: ["in-person"],
    languageCodes: ["en"],
    isNational: false,
    locations: [{ ...MAIDSTONE, name: "Maidstone Library" }],
    openDays: ["monday"],
    assuredDate: "2025-03-01",
    status: "active",
    ...fields,
  };
}

/** A small directory with one of each kind of service the tests ask about. */
export function directory(): Record<string, SearchDocument> {
  return {
    laptops: doc({
      name: "Laptop loan scheme",
      description: "Borrow a refurbished laptop for up to three months, with a charger and a bag.",
      categoryIds: ["device-loan"],
      categoryNames: ["Device loan or gift"],
      locations: [{ lat: 51.28, lon: 0.53, name: "Maidstone Gateway" }],
      openDays: ["tuesday", "thursday"],
    }),
    staleLaptops: doc({
      name: "Laptop gifting",
      description: "Free laptops for families on a low income.",
      categoryIds: ["device-loan"],
      categoryNames: ["Device loan or gift"],
      locations: [{ lat: 51.2725, lon: 0.523, name: "Week Street Hub" }],
      assuredDate: "2023-09-01",
      openDays: ["friday"],
    }),
    universalCredit: doc({
      name: "Help to claim Universal Credit",
      description: "Support with your claim, journal and online forms.",
      categoryIds: ["universal-credit-help", "money-advice"],
      categoryNames: ["Universal Credit and online forms help", "Money and debt advice"],
      locations: [{ ...MARGATE, name: "Margate Library" }],
      openDays: ["monday", "wednesday"],
    }),
    esol: doc({
      name: "Conversation club",
      description: "Practise speaking English over tea with volunteers.",
      categoryIds: ["esol-literacy"],
      categoryNames: ["English language (ESOL) and literacy"],
      locations: [{ ...TUNBRIDGE_WELLS, name: "Tunbridge Wells Hub" }],
      openDays: ["wednesday", "saturday"],
    }),
    databank: doc({
      name: "National Databank",
      description: "Free mobile data, texts and calls for people who cannot afford them.",
      categoryIds: ["free-data"],
      categoryNames: ["Free SIM or data"],
      attendingModes: ["online"],
      isNational: true,
      locations: [],
      openDays: [],
    }),
    scamsLine: doc({
      name: "Scams advice line",
      description: "Phone us if you think a laptop offer or message is a scam.",
      categoryIds: ["online-safety"],
      categoryNames: ["Online safety and scams"],
      attendingModes: ["phone"],
      isNational: true,
      locations: [],
      openDays: ["monday", "tuesday", "wednesday", "thursday", "friday"],
    }),
    course: doc({
      name: "Computer skills course",
      description: "Ten weekly lessons for beginners. A small fee covers the certificate.",
      categoryIds: ["skills-course"],
      categoryNames: ["Digital skills course"],
      isFree: false,
      attendingModes: ["in-person", "online"],
      locations: [{ ...TUNBRIDGE_WELLS, name: "Adult Education Centre" }],
      openDays: ["tuesday"],
    }),
    closed: doc({ name: "Old laptop project", description: "Laptops for all.", status: "defunct" }),
  };
}
