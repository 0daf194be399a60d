/**
 * The report filters, read from the query string of a GET form. One zod schema; bad or forged
 * values come back as messages for the fields at fault, never as an error page.
 */
import { z } from "zod";
import { PERIOD_PRESET_IDS, type Period, type PeriodPreset, isRealDate, presetPeriod } from "./period";

export const DEFAULT_PRESET = "last-12-months" satisfies PeriodPreset;
export const GAP_DISTANCES_KM = [2, 5, 10, 20] as const;
export type GapDistanceKm = (typeof GAP_DISTANCES_KM)[number];
export const DEFAULT_GAP_DISTANCE_KM: GapDistanceKm = 5;
/** Far enough back for any partnership's history; stops nonsense such as year 0001. */
export const EARLIEST_DATE = "2000-01-01";

export interface ReportFilters {
  preset: PeriodPreset;
  period: Period;
  /** The areas asked about: one area, or every area the user may see. */
  area: "all" | string;
  distanceKm: GapDistanceKm;
}

export type FilterValues = Record<string, string>;

export type FilterResult = { success: true; filters: ReportFilters; values: FilterValues } | { success: false; errors: Record<string, string>; values: FilterValues };

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value);

/** Problems with a typed date, or null when it is a usable date. */
function dateProblem(label: string, value: string, today: string): string | null {
  if (value.length > 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${label} must be a date like 2025-04-01`;
  if (!isRealDate(value)) return `${label} must be a real date`;
  if (value < EARLIEST_DATE) return `${label} must be in 2000 or later`;
  if (value > today) return `${label} must be today or in the past`;
  return null;
}

function filtersSchema(today: string, areaIds: readonly string[]) {
  return z
    .object({
      period: z.preprocess(blank, z.enum(PERIOD_PRESET_IDS, { errorMap: () => ({ message: "Choose a period from the list" }) }).optional()),
      from: z.preprocess(blank, z.string().optional()),
      to: z.preprocess(blank, z.string().optional()),
      area: z.preprocess(
        blank,
        z
          .string()
          .max(100, "Choose an area from the list")
          .refine((a) => a === "all" || areaIds.includes(a), "Choose an area from the list")
          .default("all"),
      ),
      distance: z.preprocess(
        blank,
        z.coerce
          .number({ invalid_type_error: "Choose a distance from the list" })
          .refine((d): d is GapDistanceKm => (GAP_DISTANCES_KM as readonly number[]).includes(d), "Choose a distance from the list")
          .default(DEFAULT_GAP_DISTANCE_KM),
      ),
    })
    .superRefine((f, ctx) => {
      const custom = f.period === "custom" || (f.period === undefined && (f.from !== undefined || f.to !== undefined));
      // Dates only matter for "Choose dates"; with a preset, whatever is in the date boxes is ignored.
      if (!custom) return;
      const fromProblem = f.from === undefined ? "Enter a start date" : dateProblem("Start date", f.from, today);
      const toProblem = f.to === undefined ? "Enter an end date" : dateProblem("End date", f.to, today);
      if (fromProblem) ctx.addIssue({ code: "custom", path: ["from"], message: fromProblem });
      if (toProblem) ctx.addIssue({ code: "custom", path: ["to"], message: toProblem });
      if (!fromProblem && !toProblem && f.from! > f.to!) ctx.addIssue({ code: "custom", path: ["to"], message: "End date must be the same as or after the start date" });
    });
}

/**
 * Reads the filters from a URL's query. `areaIds` are the areas the user may see: any other
 * area id, however it got into the address, is refused with a message.
 */
export function parseReportFilters(params: URLSearchParams, { today, areaIds }: { today: string; areaIds: readonly string[] }): FilterResult {
  const values: FilterValues = {};
  for (const key of ["period", "from", "to", "area", "distance"]) {
    const value = params.get(key);
    if (value !== null) values[key] = value;
  }
  const result = filtersSchema(today, areaIds).safeParse(values);
  if (!result.success) {
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) errors[String(issue.path[0] ?? "period")] ??= issue.message;
    return { success: false, errors, values };
  }
  const f = result.data;
  const custom = f.period === "custom" || (f.period === undefined && (f.from !== undefined || f.to !== undefined));
  const preset: PeriodPreset = custom ? "custom" : (f.period ?? DEFAULT_PRESET);
  const period = preset === "custom" ? { from: f.from!, to: f.to! } : presetPeriod(preset, today);
  return { success: true, filters: { preset, period, area: f.area, distanceKm: f.distance as GapDistanceKm }, values };
}

/** The query string that asks for these filters again (for CSV links and the board summary). */
export function filterQuery(filters: ReportFilters, { withDistance = false }: { withDistance?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filters.preset === "custom") {
    params.set("from", filters.period.from);
    params.set("to", filters.period.to);
  } else params.set("period", filters.preset);
  params.set("area", filters.area);
  if (withDistance) params.set("distance", String(filters.distanceKm));
  return params.toString();
}
