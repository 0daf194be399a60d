import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1000;

/**
 * The form for choosing a password, on the invitation and reset pages. Length is the rule that
 * matters (NCSC guidance); no composition rules, and no ban on pasting from a password manager.
 * The email is passed in because a password equal to it is the first thing anyone would guess.
 */
export function newPasswordSchema(email: string) {
  return z
    .object({
      password: z
        .string()
        .min(1, "Enter a password")
        .min(PASSWORD_MIN_LENGTH, `Password must be ${PASSWORD_MIN_LENGTH} characters or more`)
        .max(PASSWORD_MAX_LENGTH, "Password must be 1,000 characters or fewer")
        .refine((password) => password.trim().toLowerCase() !== email.trim().toLowerCase(), "Password must not be your email address"),
      confirmPassword: z.string().min(1, "Confirm your password"),
    })
    .superRefine((value, ctx) => {
      if (value.confirmPassword && value.password !== value.confirmPassword) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "Passwords must match" });
      }
    });
}
