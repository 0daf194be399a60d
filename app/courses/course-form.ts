import { z } from "zod";
import { MAX_WEEKS } from "./courses";

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function wholeNumberIn(value: string, min: number, max: number): boolean {
  return /^\d{1,4}$/.test(value) && Number(value) >= min && Number(value) <= max;
}

/** A course's details: which of the provider's listings it belongs to, its title and what it covers. */
export const courseFormSchema = z.object({
  serviceId: z.string().trim().min(1, "Choose the listing this course belongs to").max(100),
  title: z.string().trim().min(1, "Enter a title for the course").max(120, "Title must be 120 characters or fewer"),
  description: z.string().trim().min(1, "Say what the course covers and who it is for").max(2000, "Description must be 2,000 characters or fewer"),
});
export type CourseForm = z.output<typeof courseFormSchema>;

/**
 * One session, or the same session each week for a few weeks: Citizenzone's five two-hour
 * sessions are one form, not five. `where` is a place, or the digital bus.
 */
export const sessionFormSchema = z
  .object({
    date: z.string().trim().refine(isRealDate, "Enter the date of the first session, like 2027-01-11"),
    startsAt: z.string().trim().regex(clock, "Enter the start time, like 10:00"),
    endsAt: z.string().trim().regex(clock, "Enter the end time, like 12:00"),
    // Checked with refine rather than enum and coerce, which stop every later check: all problems show at once.
    where: z.string().optional().default("").refine((w) => w === "place" || w === "bus", "Choose where the session is"),
    place: z.string().trim().max(200, "Place must be 200 characters or fewer").optional().default(""),
    capacity: z.string().trim().refine((c) => wholeNumberIn(c, 1, 500), "Enter how many people can come, as a whole number from 1 to 500"),
    weeks: z.string().trim().refine((w) => wholeNumberIn(w, 1, MAX_WEEKS), `Enter how many weeks, from 1 to ${MAX_WEEKS}`),
  })
  .superRefine((form, ctx) => {
    if (clock.test(form.startsAt) && clock.test(form.endsAt) && form.endsAt <= form.startsAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsAt"], message: "The end time must be after the start time" });
    }
    if (form.where === "place" && form.place === "") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["place"], message: "Enter where the session is, or choose the digital bus" });
  })
  .transform((form) => ({ ...form, where: form.where as "place" | "bus", capacity: Number(form.capacity), weeks: Number(form.weeks) }));
export type SessionForm = z.output<typeof sessionFormSchema>;
