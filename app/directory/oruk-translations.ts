/**
 * A listing's Welsh name and description in ORUK records. ORUK 3.0 has no field for text in
 * another language (its `languages` are the languages help is given in), so Waymark reads and
 * writes an extension property, `translations`, as HSDS allows for what the schema does not
 * hold: docs/ORUK-TRANSLATIONS.md describes it for other publishers.
 */
import { z } from "zod";

export const WELSH = "cy";

export const orukTranslationsSchema = z
  .array(
    z.object({
      // BCP 47, as lang attributes take it: "cy", "cy-GB".
      language: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/),
      name: z.string().trim().nullish(),
      description: z.string().trim().nullish(),
    }),
  )
  .nullish()
  .transform((v) => v ?? []);

export type OrukTranslations = z.output<typeof orukTranslationsSchema>;

/** The Welsh entry, if the record has one: any regional form of Welsh counts. */
export function welshFrom(translations: OrukTranslations): { name_cy: string | null; description_cy: string | null } {
  const welsh = translations.find((t) => t.language === WELSH || t.language.startsWith(`${WELSH}-`));
  return { name_cy: welsh?.name || null, description_cy: welsh?.description || null };
}

/** The extension as published: left out when the listing has no Welsh wording. */
export function translationsFor(service: { name_cy: string | null; description_cy: string | null }) {
  if (!service.name_cy && !service.description_cy) return undefined;
  return [{ language: WELSH, ...(service.name_cy ? { name: service.name_cy } : {}), ...(service.description_cy ? { description: service.description_cy } : {}) }];
}
