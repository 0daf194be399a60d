import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "./policy";

export const CREATE_USER_USAGE = [
  `Usage: npm run user:create -- --email <address> --role <${ROLES.join("|")}> [--name "<full name>"] [--organisation <id>] [--areas <id,id>]`,
  `Without --name, the name is the part of the email address before "@".`,
].join("\n");

const argsSchema = z
  .object({
    email: z.string({ required_error: "--email is required" }).trim().email("--email must be an email address"),
    name: z.string().trim().min(1, "--name must not be empty").optional(),
    role: z.enum(ROLES, { errorMap: () => ({ message: `--role must be one of: ${ROLES.join(", ")}` }) }),
    organisation: z.string().trim().min(1).optional(),
    areas: z
      .string()
      .optional()
      .transform((value) => (value ?? "").split(",").map((a) => a.trim()).filter(Boolean)),
  })
  .transform(({ name, ...rest }) => ({ ...rest, name: name ?? rest.email.slice(0, rest.email.lastIndexOf("@")) }));

export type CreateUserArgs = z.output<typeof argsSchema>;

/** The command line of `npm run user:create`, checked; a message for the terminal if it is wrong. */
export function parseCreateUserArgs(argv: string[]): { ok: true; args: CreateUserArgs } | { ok: false; message: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, organisation: { type: "string" }, areas: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    return { ok: false, message: `${error instanceof Error ? error.message : String(error)}\n${CREATE_USER_USAGE}` };
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: `${parsed.error.issues.map((issue) => issue.message).join("\n")}\n${CREATE_USER_USAGE}` };
  return { ok: true, args: parsed.data };
}
