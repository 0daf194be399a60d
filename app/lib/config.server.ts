import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseQuietHours } from "~/outreach/quiet-hours";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const url = (name: string) =>
  z
    .string()
    .trim()
    .url({ message: `${name} must be a full URL such as https://example.org` })
    .transform((v) => v.replace(/\/+$/, ""));

const fields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], {
    errorMap: () => ({ message: "NODE_ENV must be development, production or test" }),
  }),
  PORT: z.coerce
    .number({ invalid_type_error: "PORT must be a whole number between 0 and 65535, such as 3000" })
    .int("PORT must be a whole number between 0 and 65535, such as 3000")
    .min(0, "PORT must be a whole number between 0 and 65535, such as 3000")
    .max(65535, "PORT must be a whole number between 0 and 65535, such as 3000"),
  HOST: z.string().trim().min(1, "HOST must be an address to listen on, such as 0.0.0.0"),
  DATABASE_PATH: z.string().trim().min(1, "DATABASE_PATH must be a file path such as ./data/waymark.db"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/i, "DATABASE_URL must be a PostgreSQL address such as postgres://waymark:secret@db.internal:5432/waymark (leave it unset for SQLite)")
      .optional(),
  ),
  SESSION_SECRET: optionalText.pipe(
    z.string().min(32, "SESSION_SECRET must be at least 32 characters; generate one with: openssl rand -hex 32").optional(),
  ),
  BASE_URL: optionalText.pipe(url("BASE_URL").optional()),
  POSTCODES_API_URL: url("POSTCODES_API_URL"),
  NOTIFY_API_KEY: optionalText.pipe(
    z
      .string()
      .regex(/-[0-9a-f-]{36}-[0-9a-f-]{36}$/i, "NOTIFY_API_KEY must be a GOV.UK Notify API key ending in two UUIDs (copy it whole from Notify's API integration page)")
      .optional(),
  ),
  NOTIFY_BASE_URL: optionalText.pipe(url("NOTIFY_BASE_URL").optional()),
  NOTIFY_EMAIL_TEMPLATE_ID: optionalText.pipe(z.string().uuid("NOTIFY_EMAIL_TEMPLATE_ID must be a template id (a UUID) from Notify").optional()),
  NOTIFY_SMS_TEMPLATE_ID: optionalText.pipe(z.string().uuid("NOTIFY_SMS_TEMPLATE_ID must be a template id (a UUID) from Notify").optional()),
  NOTIFY_CALLBACK_TOKEN: optionalText.pipe(z.string().min(32, "NOTIFY_CALLBACK_TOKEN must be at least 32 characters; generate one with: openssl rand -hex 32").optional()),
  NOTIFY_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ invalid_type_error: "NOTIFY_RATE_LIMIT_PER_MINUTE must be a whole number, such as 3000" })
    .int("NOTIFY_RATE_LIMIT_PER_MINUTE must be a whole number, such as 3000")
    .min(1, "NOTIFY_RATE_LIMIT_PER_MINUTE must be at least 1"),
  OUTREACH_REPLY_STOP: z.enum(["true", "false"], { errorMap: () => ({ message: "OUTREACH_REPLY_STOP must be true or false" }) }),
  OUTREACH_STATUS_POLL_MINUTES: z.coerce
    .number({ invalid_type_error: "OUTREACH_STATUS_POLL_MINUTES must be a whole number of minutes, such as 30" })
    .int("OUTREACH_STATUS_POLL_MINUTES must be a whole number of minutes, such as 30")
    .min(1, "OUTREACH_STATUS_POLL_MINUTES must be at least 1"),
  OUTREACH_QUIET_HOURS: z.string().transform((text, ctx) => {
    const hours = parseQuietHours(text);
    if (hours === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'OUTREACH_QUIET_HOURS must be two UK hours such as 20-9 (no texts from 20:00 until 09:00), or "none"' });
      return z.NEVER;
    }
    return hours;
  }),
  OUTREACH_SMS_PENCE: z.coerce
    .number({ invalid_type_error: "OUTREACH_SMS_PENCE must be a price in pence, such as 2.4" })
    .min(0, "OUTREACH_SMS_PENCE must be a price in pence, such as 2.4"),
  RETENTION_MONTHS: z.coerce
    .number({ invalid_type_error: "RETENTION_MONTHS must be a whole number of months, such as 6" })
    .int("RETENTION_MONTHS must be a whole number of months, such as 6")
    .min(1, "RETENTION_MONTHS must be at least 1"),
  JOBS_SCHEDULE: z
    .string()
    .trim()
    .regex(/^\S+( \S+){4}$/, "JOBS_SCHEDULE must be a cron schedule of five fields, such as */15 * * * * (every 15 minutes)"),
  SEED_DEMO_DATA: z.enum(["true", "false"], { errorMap: () => ({ message: "SEED_DEMO_DATA must be true or false" }) }),
});

/** Settings that only make sense together, checked here so start-up stops before anything runs. */
const schema = fields.superRefine((config, ctx) => {
  // Links in emails must never come from the request's Host header, which anyone can forge.
  if (config.NODE_ENV === "production" && !config.BASE_URL) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["BASE_URL"],
      message: "required in production; set it to the public address people use, such as https://waymark.example.org (links in emails and texts are built from it)",
    });
  }
  if (config.OUTREACH_REPLY_STOP === "true" && !config.NOTIFY_CALLBACK_TOKEN) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["OUTREACH_REPLY_STOP"],
      message: "needs NOTIFY_CALLBACK_TOKEN, so Notify can pass STOP replies to /api/notify/inbound-sms",
    });
  }
  if (config.NOTIFY_API_KEY) {
    for (const name of ["NOTIFY_EMAIL_TEMPLATE_ID", "NOTIFY_SMS_TEMPLATE_ID"] as const) {
      if (!config[name]) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [name],
          message: "required when NOTIFY_API_KEY is set; copy the id of the generic template from Notify's Templates page",
        });
      }
    }
  }
});

export type Config = Omit<z.infer<typeof schema>, "SESSION_SECRET" | "SEED_DEMO_DATA" | "OUTREACH_REPLY_STOP"> & {
  SESSION_SECRET: string;
  SEED_DEMO_DATA: boolean;
  OUTREACH_REPLY_STOP: boolean;
  DATA_DIR: string;
};

const DEFAULTS: Record<string, string> = {
  NODE_ENV: "development",
  PORT: "3000",
  HOST: "0.0.0.0",
  DATABASE_PATH: "./data/waymark.db",
  POSTCODES_API_URL: "https://api.postcodes.io",
  RETENTION_MONTHS: "6",
  JOBS_SCHEDULE: "*/15 * * * *",
  SEED_DEMO_DATA: "true",
  NOTIFY_RATE_LIMIT_PER_MINUTE: "3000",
  OUTREACH_REPLY_STOP: "false",
  OUTREACH_SMS_PENCE: "2.4",
  OUTREACH_QUIET_HOURS: "20-9",
  OUTREACH_STATUS_POLL_MINUTES: "30",
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and checks the environment. The first problem becomes one line naming the variable and
 * the fix, so a wrong deployment stops at start-up instead of failing later.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(fields.shape)) input[key] = env[key] ?? DEFAULTS[key];
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Configuration error: ${issue.path.join(".")}: ${issue.message}`);
  }
  const parsed = result.data;
  const dataDir = path.dirname(path.resolve(parsed.DATABASE_PATH));
  let secret = parsed.SESSION_SECRET;
  if (!secret) {
    if (parsed.NODE_ENV === "production") {
      throw new ConfigError(
        "Configuration error: SESSION_SECRET: required in production; generate one with: openssl rand -hex 32",
      );
    }
    secret = developmentSecret(dataDir);
  }
  return { ...parsed, SESSION_SECRET: secret, SEED_DEMO_DATA: parsed.SEED_DEMO_DATA === "true", OUTREACH_REPLY_STOP: parsed.OUTREACH_REPLY_STOP === "true", DATA_DIR: dataDir };
}

/** Outside production a secret is made once and kept beside the database, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For tests that need a different configuration. */
export function resetConfig(): void {
  cached = undefined;
}
