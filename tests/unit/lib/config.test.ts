import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/lib/config.server";
import { TEST_EMAIL_TEMPLATE_ID, TEST_NOTIFY_API_KEY, TEST_SMS_TEMPLATE_ID } from "../../mocks/notify";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "waymark-config-"));

describe("configuration", () => {
  it("has working defaults for development and keeps a generated secret", () => {
    const dir = tmp();
    const env = { DATABASE_PATH: path.join(dir, "w.db") };
    const first = parseConfig(env);
    expect(first.PORT).toBe(3000);
    expect(first.POSTCODES_API_URL).toBe("https://api.postcodes.io");
    expect(first.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(parseConfig(env).SESSION_SECRET).toBe(first.SESSION_SECRET);
  });

  it("requires SESSION_SECRET in production, naming the variable and the fix", () => {
    expect(() => parseConfig({ NODE_ENV: "production", BASE_URL: "https://waymark.example.org", DATABASE_PATH: path.join(tmp(), "w.db") })).toThrow(
      /SESSION_SECRET: .*openssl rand -hex 32/,
    );
  });

  it("requires BASE_URL in production, so links in emails never come from a request's Host header", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "a-production-secret-that-is-long-enough-0123456789", DATABASE_PATH: path.join(tmp(), "w.db") };
    for (const BASE_URL of [undefined, "", "  "]) {
      expect(() => parseConfig({ ...production, BASE_URL })).toThrow(
        new ConfigError(
          "Configuration error: BASE_URL: required in production; set it to the public address people use, such as https://waymark.example.org (links in emails and texts are built from it)",
        ),
      );
    }
    expect(parseConfig({ ...production, BASE_URL: "https://waymark.example.org" }).BASE_URL).toBe("https://waymark.example.org");
    expect(parseConfig({ DATABASE_PATH: production.DATABASE_PATH }).BASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "eighty" }, /^Configuration error: PORT: PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT/],
    [{ POSTCODES_API_URL: "postcodes" }, /POSTCODES_API_URL: POSTCODES_API_URL must be a full URL/],
    [{ NOTIFY_API_KEY: "not-a-key" }, /NOTIFY_API_KEY/],
    [{ NODE_ENV: "staging" }, /NODE_ENV must be development, production or test/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET must be at least 32 characters/],
    [
      { NOTIFY_API_KEY: TEST_NOTIFY_API_KEY },
      /^Configuration error: NOTIFY_EMAIL_TEMPLATE_ID: required when NOTIFY_API_KEY is set; copy the id of the generic template from Notify's Templates page$/,
    ],
    [
      { NOTIFY_API_KEY: TEST_NOTIFY_API_KEY, NOTIFY_EMAIL_TEMPLATE_ID: TEST_EMAIL_TEMPLATE_ID, NOTIFY_SMS_TEMPLATE_ID: " " },
      /^Configuration error: NOTIFY_SMS_TEMPLATE_ID: required when NOTIFY_API_KEY is set/,
    ],
  ])("rejects %o with one line", (env, message) => {
    let error: unknown;
    try {
      parseConfig({ DATABASE_PATH: path.join(tmp(), "w.db"), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("takes a Notify key with both template ids, and needs neither id without a key", () => {
    const database = { DATABASE_PATH: path.join(tmp(), "w.db") };
    const withNotify = { NOTIFY_API_KEY: TEST_NOTIFY_API_KEY, NOTIFY_EMAIL_TEMPLATE_ID: TEST_EMAIL_TEMPLATE_ID, NOTIFY_SMS_TEMPLATE_ID: TEST_SMS_TEMPLATE_ID };
    expect(parseConfig({ ...database, ...withNotify })).toMatchObject(withNotify);
    expect(parseConfig({ ...database, NOTIFY_API_KEY: "" })).toMatchObject({ NOTIFY_API_KEY: undefined, NOTIFY_EMAIL_TEMPLATE_ID: undefined });
  });

  it("strips a trailing slash from URLs", () => {
    expect(parseConfig({ DATABASE_PATH: path.join(tmp(), "w.db"), BASE_URL: "https://waymark.example.org/" }).BASE_URL).toBe("https://waymark.example.org");
  });
});
