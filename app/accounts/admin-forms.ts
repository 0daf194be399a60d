import { z } from "zod";
import { parseDistricts } from "./districts";
import { ORGANISATION_KIND_VALUES } from "./organisation-kinds";

/** An optional text field: left blank it is stored as null, not as an empty string. */
const optional = (schema: z.ZodString) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(schema.nullable());

/** The organisation form, for adding one and for changing one. */
export const organisationSchema = z.object({
  name: z.string().trim().min(1, "Enter the organisation’s name").max(200, "Name must be 200 characters or fewer"),
  kind: z.enum(ORGANISATION_KIND_VALUES, { errorMap: () => ({ message: "Select what kind of organisation it is" }) }),
  description: z.string().trim().max(2000, "Description must be 2,000 characters or fewer"),
  email: optional(z.string().max(254, "Email address must be 254 characters or fewer").email("Enter an email address in the correct format, like name@example.org")),
  website: optional(
    z
      .string()
      .max(500, "Website address must be 500 characters or fewer")
      .regex(/^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i, "Enter a full website address, like https://example.org"),
  ),
  phone: optional(z.string().regex(/^\+?[0-9 ()-]{6,24}$/, "Enter a phone number, like 01622 602000 or +44 1622 602000")),
});

/** The area form: a name and the postcode districts it covers, typed into one box. */
export const areaSchema = z.object({
  name: z.string().trim().min(1, "Enter the area’s name").max(100, "Name must be 100 characters or fewer"),
  districts: z
    .string()
    .trim()
    .min(1, "Enter at least one postcode district, like ME14")
    .transform((text, ctx) => {
      const result = parseDistricts(text);
      if (!result.ok) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Enter postcode districts like ME14 or CT9, separated by commas. ${result.invalid.length === 1 ? "This is not one" : "These are not"}: ${result.invalid.join(", ")}`,
        });
        return z.NEVER;
      }
      return result.codes;
    }),
});
