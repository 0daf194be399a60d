import { z } from "zod";
import { parseDistricts } from "~/accounts/districts";
import { BARRIER_IDS, GOAL_IDS } from "~/lib/frameworks";
import { SMS_MAX_LENGTH, SUBJECT_MAX_LENGTH } from "~/messaging/message";
import { OUTREACH_CHANNELS } from "./outreach";

/** Who a campaign goes to. Each list given narrows it; within a list, any value matches. */
export interface Audience {
  areaIds: string[];
  districts: string[];
  barriers: string[];
  goals: string[];
}

export const CAMPAIGN_BODY_MAX = 600;
export const CAMPAIGN_ARRAY_FIELDS = ["areaIds", "barriers", "goals"] as const;

const ukDateTime = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The compose form. The message body stays well under Notify's text limit so the links and the
 * stop line always fit; `intent` is "preview" (count and show it) or "send".
 */
export const campaignFormSchema = z
  .object({
    intent: z.enum(["preview", "send"]).catch("preview"),
    name: z.string().trim().min(1, "Enter a name for this campaign, so you can find it later").max(100, "Name must be 100 characters or fewer"),
    channel: z.enum(OUTREACH_CHANNELS, { errorMap: () => ({ message: "Choose text message or email" }) }),
    subject: z.string().trim().max(SUBJECT_MAX_LENGTH, `Subject must be ${SUBJECT_MAX_LENGTH} characters or fewer`).optional().default(""),
    body: z.string().trim().min(1, "Write the message").max(CAMPAIGN_BODY_MAX, `The message must be ${CAMPAIGN_BODY_MAX} characters or fewer`),
    serviceId: z.string().trim().max(100).optional().default(""),
    areaIds: z.array(z.string().min(1).max(100)).min(1, "Choose at least one area"),
    districts: z.string().max(500, "List fewer postcode districts").optional().default(""),
    barriers: z.array(z.enum(BARRIER_IDS, { errorMap: () => ({ message: "Choose barriers from the list" }) })),
    goals: z.array(z.enum(GOAL_IDS, { errorMap: () => ({ message: "Choose goals from the list" }) })),
    when: z.enum(["now", "later"], { errorMap: () => ({ message: "Choose when to send it" }) }),
    sendDate: z.string().trim().optional().default(""),
    sendTime: z.string().trim().optional().default(""),
  })
  .superRefine((form, ctx) => {
    if (form.channel === "email" && form.subject === "") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["subject"], message: "An email needs a subject" });
    if (form.channel === "sms" && form.body.length > SMS_MAX_LENGTH) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["body"], message: "The text is too long" });
    const districts = parseDistricts(form.districts);
    if (!districts.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["districts"], message: `These are not postcode districts: ${districts.invalid.join(", ")}. Write them like ME14 or TN1` });
    if (form.when === "later") {
      if (!ukDateTime.test(form.sendDate)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sendDate"], message: "Enter the date to send it, like 2027-03-14" });
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.sendTime)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sendTime"], message: "Enter the time to send it, like 10:30" });
    }
  })
  .transform((form) => {
    const districts = parseDistricts(form.districts);
    const audience: Audience = { areaIds: form.areaIds, districts: districts.ok ? districts.codes : [], barriers: form.barriers, goals: form.goals };
    return { ...form, subject: form.channel === "email" ? form.subject : "", audience, serviceId: form.serviceId || null };
  });

export type CampaignForm = z.output<typeof campaignFormSchema>;

/** A date and time as people in the UK mean it (Europe/London, summer time or not), as an instant. */
export function ukLocalTimeToDate(date: string, time: string): Date | null {
  const match = ukDateTime.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const asUtc = Date.UTC(y, m - 1, d, Number(clock[1]), Number(clock[2]));
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  // London is UTC or UTC+1; find which offset gives back the wall-clock time asked for.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const shown = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(candidate);
    if (shown === time) return candidate;
  }
  return null;
}
