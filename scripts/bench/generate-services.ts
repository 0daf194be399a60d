/**
 * Made-up directory listings for benchmarks: the same seed gives the same services every run.
 * Names, 30-word descriptions, categories and venues read like Kent's digital inclusion
 * services; invented surnames and street names give the vocabulary the long tail of proper
 * nouns that real listings have, so word matching is measured against a realistic vocabulary.
 */
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import type { AttendingMode, SearchDocument } from "~/directory/search-index";
import { WEEKDAYS } from "~/directory/opening-times";

export const KENT_TOWNS = {
  Maidstone: [51.272, 0.522],
  Margate: [51.389, 1.386],
  Ramsgate: [51.335, 1.419],
  Broadstairs: [51.359, 1.44],
  "Tunbridge Wells": [51.132, 0.263],
  Tonbridge: [51.195, 0.275],
  Sevenoaks: [51.272, 0.19],
  Ashford: [51.146, 0.875],
  Canterbury: [51.28, 1.08],
  Dover: [51.127, 1.313],
  Folkestone: [51.081, 1.166],
  Faversham: [51.316, 0.891],
  Whitstable: [51.361, 1.026],
  "Herne Bay": [51.373, 1.128],
  Sittingbourne: [51.34, 0.733],
  Gravesend: [51.441, 0.37],
  Dartford: [51.446, 0.217],
  Chatham: [51.378, 0.527],
  Deal: [51.223, 1.402],
  Headcorn: [51.167, 0.626],
  Marden: [51.175, 0.493],
  "Paddock Wood": [51.18, 0.389],
  Cranbrook: [51.097, 0.535],
  Edenbridge: [51.197, 0.065],
} as const satisfies Record<string, readonly [number, number]>;

const CATEGORIES: Record<CategoryId, { name: string; services: string[]; words: string[] }> = {
  "device-loan": { name: "Device loan or gift", services: ["Laptop loan scheme", "Tablet lending library", "Refurbished computers for families"], words: ["laptop", "tablet", "device", "refurbished", "loan", "borrow", "chromebook", "smartphone"] },
  "free-data": { name: "Free SIM or data", services: ["Free SIM cards", "National Databank", "Mobile data bank"], words: ["sim", "data", "mobile", "allowance", "gigabytes", "network", "top-up"] },
  "social-tariff": { name: "Social tariff and broadband help", services: ["Broadband savings advice", "Social tariff checker", "Cheaper broadband clinic"], words: ["broadband", "tariff", "provider", "contract", "bills", "connection", "router"] },
  "drop-in-help": { name: "Drop-in digital help", services: ["Digital drop-in", "Tech help cafe", "Computer help desk"], words: ["drop-in", "questions", "phone", "email", "passwords", "apps", "settings"] },
  "one-to-one-support": { name: "One-to-one champion support", services: ["Digital champions", "One-to-one tech buddies", "Home digital support"], words: ["champion", "volunteer", "patient", "pace", "confidence", "appointment"] },
  "skills-course": { name: "Digital skills course", services: ["Computer basics course", "Getting online course", "Essential digital skills class"], words: ["course", "beginners", "skills", "lessons", "certificate", "learn", "classes"] },
  "online-safety": { name: "Online safety and scams", services: ["Scams awareness sessions", "Staying safe online", "Fraud and scams clinic"], words: ["scams", "fraud", "safety", "privacy", "passwords", "phishing", "secure"] },
  "job-search": { name: "Online job search and CVs", services: ["Job club", "CV and applications help", "Work search support"], words: ["jobs", "cv", "applications", "interview", "employment", "vacancies", "careers"] },
  "universal-credit-help": { name: "Universal Credit and online forms help", services: ["Universal Credit help to claim", "Online forms support", "Benefits claim help"], words: ["universal", "credit", "claim", "journal", "benefits", "forms", "council"] },
  "money-advice": { name: "Money and debt advice", services: ["Money advice service", "Debt advice clinic", "Budgeting help"], words: ["money", "debt", "budget", "bills", "advice", "grants", "income"] },
  "assistive-tech": { name: "Accessibility and assistive technology", services: ["Assistive technology demos", "Accessible tech advice", "Sight loss tech support"], words: ["accessibility", "magnifier", "screen", "reader", "hearing", "sight", "dyslexia"] },
  "esol-literacy": { name: "English language (ESOL) and literacy", services: ["English conversation club", "ESOL classes", "Reading and writing support"], words: ["english", "esol", "language", "conversation", "literacy", "reading", "writing"] },
  "public-computers": { name: "Public computers and free Wi-Fi", services: ["Public computers and Wi-Fi", "Free Wi-Fi and printing", "Computer access point"], words: ["computers", "wifi", "printing", "internet", "access", "free", "scanner"] },
  "childcare-family": { name: "Childcare and family support", services: ["Creche while you learn", "Family learning sessions", "Parents digital support"], words: ["childcare", "creche", "children", "parents", "family", "toddlers", "school"] },
};

const COMMON = "help support people local friendly free service session sessions week weekly staff trained team welcome everyone residents adults older young carers disabled community learn confidence online digital use using phone smartphone tablet computer internet email apps safely book booking appointment needed call ask questions bring own device available morning afternoon evening quiet space refreshments provided partnership council library volunteers advice guidance information access services everyday tasks shopping banking health nhs doctors prescriptions video calls family friends keep touch photos forms apply manage account accounts passwords".split(" ");
const VENUES = ["Library", "Community Centre", "Village Hall", "Church Hall", "Jobcentre", "Hub", "Adult Education Centre", "Family Hub", "Gateway"];
const ORG_KINDS = ["Trust", "Foundation", "Partnership", "Network", "Association", "Project", "CIC", "Charity"];
const SYLLABLES = ["ash", "bar", "ben", "bro", "cal", "den", "dun", "ell", "far", "gar", "ham", "hol", "ken", "lan", "ley", "mar", "mor", "nor", "pen", "rad", "sel", "shaw", "ston", "ter", "thorn", "wick", "win", "wood", "ford", "bury", "field", "ridge", "by", "cot", "hurst"];
const ATTENDING: AttendingMode[] = ["in-person", "online", "phone", "home-visit"];

/** Park–Miller minimal standard generator: tiny, deterministic and good enough for test data. */
function prng(seed: number) {
  let state = seed % 2147483647 || 1;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick };
}

/** The day the generated listings are "as of": verification dates run up to 600 days before it. */
export const GENERATED_AT = new Date("2025-06-01T12:00:00Z");

export function generateServices(count: number, seed = 20250601): SearchDocument[] {
  const { next, pick } = prng(seed);
  const towns = Object.entries(KENT_TOWNS);
  const properNoun = () => {
    const word = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join("");
    return word[0].toUpperCase() + word.slice(1);
  };
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const categoryIds = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(CATEGORY_IDS)))];
    const main = CATEGORIES[categoryIds[0]];
    const [townName, [lat, lon]] = pick(towns);
    const isNational = next() < 0.05;
    const surname = properNoun();
    const words: string[] = [];
    while (words.length < 30) {
      const roll = next();
      if (roll < 0.3) words.push(pick(CATEGORIES[pick(categoryIds)].words));
      else if (roll < 0.93) words.push(pick(COMMON));
      else if (roll < 0.97) words.push(isNational ? "England" : townName);
      else words.push(`${surname} ${pick(["Road", "Street", "Lane", "Close"])}`);
    }
    const locations = isNational
      ? []
      : Array.from({ length: 1 + Math.floor(next() * 2) }, () => ({
          lat: lat + (next() - 0.5) * 0.06,
          lon: lon + (next() - 0.5) * 0.09,
          name: `${pick([townName, surname])} ${pick(VENUES)}`,
        }));
    const openDays = WEEKDAYS.filter((_, d) => next() < (d < 5 ? 0.45 : 0.12));
    const attendingModes = isNational ? [pick(["online", "phone"] as const)] : ATTENDING.filter((m) => m === "in-person" || next() < 0.25);
    const verifiedDaysAgo = Math.floor(next() * 600);
    docs.push({
      id: `svc-${String(i).padStart(6, "0")}`,
      name: `${pick(main.services)}${next() < 0.5 ? ` in ${townName}` : ""}`,
      description: `${words.join(" ")}.`,
      organisationName: `${next() < 0.5 ? townName : surname} ${pick(["Digital", "Community", "Learning", "Advice", "Age"])} ${pick(ORG_KINDS)}`,
      categoryIds,
      categoryNames: categoryIds.map((id) => CATEGORIES[id].name),
      isFree: next() < 0.75,
      attendingModes,
      // Fixed, not drawn, so the generated directory stays the same as before languages existed.
      languageCodes: ["en"],
      isNational,
      locations,
      openDays,
      assuredDate: new Date(GENERATED_AT.getTime() - verifiedDaysAgo * 86_400_000).toISOString().slice(0, 10),
      status: next() < 0.97 ? "active" : "inactive",
    });
  }
  return docs;
}
