/* eslint-disable @typescript-eslint/no-explicit-any -- reads deep into ORUK JSON, whose shape the schema check vouches for */
import fs from "node:fs";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { ORUK_FIXTURES } from "../helpers/oruk-schema";

/**
 * An Open Referral UK 3.0 feed as msw handlers, built from the spec's own examples
 * (tests/fixtures/oruk/3.0/examples): `GET /services?page=N` answers the paged envelope of list
 * summaries (shaped like service_list.json) and `GET /services/:id` the full record (shaped like
 * service_full.json). The example holds one service, so the feed serves numbered copies of it.
 */
export const ORUK_FEED_URL = "https://feed.example.org/oruk";

const example = (name: string) => JSON.parse(fs.readFileSync(path.join(ORUK_FIXTURES, "examples", name), "utf8"));
const SERVICE_FULL = example("service_full.json");
const SERVICE_LIST = example("service_list.json");

// Shared by every copy, as one organisation and one taxonomy term serve many services.
const SHARED_IDS = new Set([SERVICE_FULL.organization.id, SERVICE_FULL.attributes[0].taxonomy_term.id]);

/** The example's UUIDs with the first block replaced by the copy's number, so each copy is distinct. */
function renumber(value: unknown, n: number): unknown {
  if (typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
    return SHARED_IDS.has(value) ? value : `${n.toString(16).padStart(8, "0")}${value.slice(8)}`;
  }
  if (Array.isArray(value)) return value.map((v) => renumber(v, n));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renumber(v, n)]));
  }
  return value;
}

/** Full records: numbered copies of service_full.json, named "Community Counselling 1", "… 2", … */
export function exampleServices(count: number): Array<Record<string, any>> {
  return Array.from({ length: count }, (_, i) => {
    const service = renumber(SERVICE_FULL, i + 1) as Record<string, any>;
    return { ...service, name: `${service.name} ${i + 1}` };
  });
}

/** A list item: the one-to-one fields service_list.json shows, nothing nested but the organisation. */
function summaryOf(service: Record<string, any>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(SERVICE_LIST.contents[0]).map((key) => [key, service[key]]));
}

/** Page `page` of `/services` over `all`: summaries, or whole records with `fullInList`. */
export function orukListPage(all: Array<Record<string, any>>, page: number, perPage: number, fullInList = false) {
  const totalPages = Math.ceil(all.length / perPage);
  const contents = all.slice((page - 1) * perPage, page * perPage).map((s) => (fullInList ? s : summaryOf(s)));
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: perPage,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export interface OrukFeedOptions {
  baseUrl?: string;
  services?: Array<Record<string, any>>;
  perPage?: number;
  /** List pages carry whole records, so no `/services/:id` request is needed. */
  fullInList?: boolean;
  /** Ids served broken (no name, an unknown status) in both the list and the full record. */
  malformedIds?: string[];
  /** Pages that answer 500. */
  failingPages?: number[];
  /** Ids whose full record answers 404. */
  missingIds?: string[];
  /** Every path requested, for asserting what the importer fetched. */
  requests?: string[];
}

export function orukFeedHandlers(options: OrukFeedOptions = {}) {
  const base = options.baseUrl ?? ORUK_FEED_URL;
  const perPage = options.perPage ?? 3;
  const served = () =>
    (options.services ?? exampleServices(7)).map((s) =>
      options.malformedIds?.includes(s.id) ? { ...s, name: undefined, status: "open" } : s,
    );
  const log = (request: Request) => options.requests?.push(new URL(request.url).pathname + new URL(request.url).search);

  return [
    http.get(`${base}/services`, ({ request }) => {
      log(request);
      const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
      if (options.failingPages?.includes(page)) return HttpResponse.json({ error: "Internal Server Error" }, { status: 500 });
      return HttpResponse.json(orukListPage(served(), page, perPage, options.fullInList));
    }),
    http.get(`${base}/services/:id`, ({ request, params }) => {
      log(request);
      const service = served().find((s) => s.id === params.id);
      if (!service || options.missingIds?.includes(String(params.id))) {
        return HttpResponse.json({ error: "Not found" }, { status: 404 });
      }
      return HttpResponse.json(service);
    }),
  ];
}
