/** The saved list's one form: save, remove or clear, with its messages in the page's language. */
import { z } from "zod";
import { fill } from "~/i18n/catalogue";

export const SAVED_ERROR_TEXT = {
  intent: "Choose to save or remove a service",
  notListed: "We could not find that service. It may have been taken out of the directory.",
  full: "Your list can hold {{max}} services. Remove one to save another.",
};
export type SavedErrorText = typeof SAVED_ERROR_TEXT;

export function shortlistSchemaIn(text: SavedErrorText = SAVED_ERROR_TEXT) {
  return z.object({
    intent: z.enum(["add", "remove", "clear"], { message: text.intent }),
    serviceId: z.string().trim().max(100).optional().default(""),
    returnTo: z.string().max(2000).optional(),
  });
}

export const listFullMessage = (text: SavedErrorText, max: number) => fill(text.full, { max });
