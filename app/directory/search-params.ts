/**
 * The query string of /services, read leniently: a value that makes no sense is dropped with a
 * message for the person, and the search still runs on the rest, so a tampered or old link never
 * becomes an error page.
 */
import { z } from "zod";
import { fill } from "~/i18n/catalogue";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import { WEEKDAYS, type Weekday } from "./opening-times";
import { ATTENDING_MODES, type AttendingMode } from "./search-index";

export const MAX_QUERY_LENGTH = 100;
export const MAX_POSTCODE_LENGTH = 10;

export interface DirectorySearchParams {
  q: string;
  postcode: string;
  /** Every one must apply. The form offers one; a link may carry several. */
  categories: CategoryId[];
  free: boolean;
  day: Weekday | null;
  attending: AttendingMode | null;
  /** An ORUK language code, such as "pl": help offered in that language. */
  language: string | null;
  page: number;
}

export type SearchParamName = "q" | "postcode" | "category" | "cost" | "day" | "attending" | "language" | "page";

export interface ParsedSearchParams {
  params: DirectorySearchParams;
  /** One message per parameter that was ignored. */
  errors: Partial<Record<SearchParamName, string>>;
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v.replace(/\s+/g, " "));

/** One message per search field, in English; app/i18n translates them by field name. */
export const SEARCH_ERROR_TEXT = {
  q: "Search words must be {{max}} characters or fewer",
  postcode: "Enter a real postcode, like ME14 1LE",
  category: "Choose a type of help from the list",
  cost: "Cost can only be free",
  day: "Choose a day from the list",
  attending: "Choose a way to get help from the list",
  language: "Choose a language from the list",
  page: "Page must be a whole number of 1 or more",
} as const;

const fields = {
  q: optionalText(MAX_QUERY_LENGTH, fill(SEARCH_ERROR_TEXT.q, { max: MAX_QUERY_LENGTH })),
  postcode: optionalText(MAX_POSTCODE_LENGTH, SEARCH_ERROR_TEXT.postcode),
  category: z.enum(CATEGORY_IDS, { message: SEARCH_ERROR_TEXT.category }),
  cost: z.literal("free", { message: SEARCH_ERROR_TEXT.cost }),
  day: z.enum(WEEKDAYS, { message: SEARCH_ERROR_TEXT.day }),
  attending: z.enum(ATTENDING_MODES, { message: SEARCH_ERROR_TEXT.attending }),
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, SEARCH_ERROR_TEXT.language),
  page: z.coerce
    .number({ message: SEARCH_ERROR_TEXT.page })
    .int(SEARCH_ERROR_TEXT.page)
    .min(1, SEARCH_ERROR_TEXT.page)
    .max(100_000, SEARCH_ERROR_TEXT.page),
};

export function parseSearchParams(search: URLSearchParams): ParsedSearchParams {
  const errors: ParsedSearchParams["errors"] = {};
  function read<T>(name: SearchParamName, schema: z.ZodType<T>, fallback: T): T {
    const raw = search.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    errors[name] = result.error.issues[0].message;
    return fallback;
  }
  const categories: CategoryId[] = [];
  for (const raw of search.getAll("category")) {
    if (raw.trim() === "") continue;
    const result = fields.category.safeParse(raw.trim());
    if (result.success) {
      if (!categories.includes(result.data)) categories.push(result.data);
    } else errors.category = result.error.issues[0].message;
  }
  return {
    params: {
      q: read("q", fields.q, ""),
      postcode: read("postcode", fields.postcode, ""),
      categories,
      free: read("cost", fields.cost, null) === "free",
      day: read<Weekday | null>("day", fields.day, null),
      attending: read<AttendingMode | null>("attending", fields.attending, null),
      language: read<string | null>("language", fields.language, null),
      page: read("page", fields.page, 1),
    },
    errors,
  };
}

/** The query string for these parameters, leaving out empty ones and the first page. */
export function searchQueryString(params: Partial<DirectorySearchParams>): string {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  if (params.postcode) out.set("postcode", params.postcode);
  for (const category of params.categories ?? []) out.append("category", category);
  if (params.free) out.set("cost", "free");
  if (params.day) out.set("day", params.day);
  if (params.attending) out.set("attending", params.attending);
  if (params.language) out.set("language", params.language);
  if (params.page && params.page > 1) out.set("page", String(params.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}
