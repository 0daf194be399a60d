/**
 * The public "report a problem with this listing" form. Its messages are in the page's language,
 * so the schema is made for it; English is the source, translated in content/i18n (directory,
 * report.errors).
 */
import { z } from "zod";
import { LISTING_REPORT_KINDS } from "~db/schema/directory-reports";
import { fill } from "~/i18n/catalogue";

export const REPORT_DETAILS_MAX = 1000;

export const REPORT_ERROR_TEXT = {
  kind: "Choose what is wrong with the listing",
  detailsLong: "Tell us in {{max}} characters or fewer",
  detailsEmpty: "Tell us what is wrong",
  emailLong: "Email address must be 320 characters or fewer",
  emailFormat: "Enter an email address in the correct format, like name@example.com",
};
export type ReportErrorText = typeof REPORT_ERROR_TEXT;

export function reportSchemaIn(text: ReportErrorText = REPORT_ERROR_TEXT, locale = "en-GB") {
  return z
    .object({
      kind: z.enum(LISTING_REPORT_KINDS, { message: text.kind }),
      details: z
        .string()
        .trim()
        .max(REPORT_DETAILS_MAX, fill(text.detailsLong, { max: REPORT_DETAILS_MAX.toLocaleString(locale) }))
        .default(""),
      email: z
        .string()
        .trim()
        .max(320, text.emailLong)
        .refine((v) => v === "" || z.string().email().safeParse(v).success, text.emailFormat)
        .default(""),
    })
    .superRefine((form, ctx) => {
      if (form.kind === "something-else" && !form.details) {
        ctx.addIssue({ code: "custom", path: ["details"], message: text.detailsEmpty });
      }
    });
}
