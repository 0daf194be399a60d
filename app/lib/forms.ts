import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { success: true; data: T }
  | { success: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * Validates submitted form data with one zod schema. On failure returns the first message for
 * each field, and everything that was typed so the page can show it again.
 * Fields that may repeat (checkboxes) are passed as arrays when named in `arrays`.
 */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
  { arrays = [] }: { arrays?: readonly string[] } = {},
): FormResult<z.output<S>> {
  const values = submittedValues(formData, arrays);
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { success: false, errors, values };
}

/** What was typed, as typed, to show again when a later check (after the schema's) refuses it. */
export function submittedValues(formData: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = arrays.includes(key) ? all : (all[0] ?? "");
  }
  for (const key of arrays) values[key] ??= [];
  return values;
}

/** A text value from a form result's echoed values, for defaultValue. */
export function echoed(values: Record<string, string | string[]> | undefined, key: string): string | undefined {
  const value = values?.[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * Reads a submitted form. A body that is not a form at all (JSON, a broken upload, a cut-off
 * request) gets a 400 page saying so, instead of the 500 that `request.formData()` would throw.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("We could not read what was sent. Go back, check the form and send it again.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
