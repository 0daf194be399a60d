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
    where: z.enum(["place", "bus"], { errorMap: () => ({ message: "Choose where the session is" }) }),
    place: z.string().trim().max(200, "Place must be 200 characters or fewer").optional().default(""),
    capacity: z.coerce
      .number({ invalid_type_error: "Enter how many people can come, as a number like 8" })
      .int("Enter how many people can come, as a whole number")
      .min(1, "At least 1 person must be able to come")
      .max(500, "Capacity must be 500 or fewer"),
    weeks: z.coerce
      .number({ invalid_type_error: `Enter how many weeks, from 1 to ${MAX_WEEKS}` })
      .int(`Enter how many weeks, from 1 to ${MAX_WEEKS}`)
      .min(1, `Enter how many weeks, from 1 to ${MAX_WEEKS}`)
      .max(MAX_WEEKS, `Enter how many weeks, from 1 to ${MAX_WEEKS}`),
  })
  .superRefine((form, ctx) => {
    if (clock.test(form.startsAt) && clock.test(form.endsAt) && form.endsAt <= form.startsAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsAt"], message: "The end time must be after the start time" });
    }
    if (form.where === "place" && form.place === "") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["place"], message: "Enter where the session is, or choose the digital bus" });
  });
export type SessionForm = z.output<typeof sessionFormSchema>;
