/**
 * The "people helped" log: a quick, anonymous note a champion makes after helping someone.
 * Nothing in it may identify the person, so the place is a venue and the postcode only the
 * outward part.
 */
import { z } from "zod";
import { BARRIER_IDS, type BarrierId } from "~/lib/frameworks";

export const PLACE_MAX = 120;
export const WHAT_HELPED_MAX = 500;
export const MINUTES_MIN = 1;
export const MINUTES_MAX = 480;

const OUTWARD_CODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

/** Today's date in the UK, where every partnership works, whatever the server's time zone. */
export function todayInUk(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function oneYearBefore(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Checkboxes post nothing, one value or several; all become an array. */
const toArray = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);

/**
 * The form's schema. `today` is passed in (see todayInUk) so the date rules can be tested and
 * follow the UK calendar.
 */
export function personHelpedSchema(today: string) {
  const earliest = oneYearBefore(today);
  return z.object({
    date: z.preprocess(
      blankToUndefined,
      z
        .string({ required_error: "Enter the date you helped" })
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as day, month and year")
        .refine(isRealDate, "Enter a real date")
        .refine((value) => value <= today, "The date must be today or in the past")
        .refine((value) => value >= earliest, "The date must be within the last year"),
    ),
    place: z.preprocess(
      blankToUndefined,
      z
        .string({ required_error: "Enter where you helped, for example the library's name" })
        .trim()
        .max(PLACE_MAX, `Place must be ${PLACE_MAX} characters or fewer`),
    ),
    outwardCode: z.preprocess(
      (value) => (typeof value === "string" ? blankToUndefined(value.replace(/\s+/g, "").toUpperCase()) : value),
      z.string().regex(OUTWARD_CODE, "Enter the first part of a postcode only, like PR1").optional(),
    ),
    barriers: z.preprocess(
      toArray,
      z.array(z.enum(BARRIER_IDS, { errorMap: () => ({ message: "Select barriers from the list" }) })).transform((ids) => [...new Set(ids)] as BarrierId[]),
    ),
    whatHelped: z.preprocess(
      (value) => (value === undefined || value === null ? "" : value),
      z.string().trim().max(WHAT_HELPED_MAX, `What helped must be ${WHAT_HELPED_MAX} characters or fewer`),
    ),
    minutes: z.preprocess(
      (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
      z
        .number({ required_error: "Enter the time you spent, in minutes", invalid_type_error: "Enter the time you spent as a number of minutes" })
        .int("Enter the time as a whole number of minutes")
        .min(MINUTES_MIN, `Time spent must be between ${MINUTES_MIN} and ${MINUTES_MAX} minutes`)
        .max(MINUTES_MAX, `Time spent must be between ${MINUTES_MIN} and ${MINUTES_MAX} minutes`),
    ),
  });
}

export type PersonHelpedForm = z.infer<ReturnType<typeof personHelpedSchema>>;
