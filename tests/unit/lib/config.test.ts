import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/lib/config.server";

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
    expect(() => parseConfig({ NODE_ENV: "production", DATABASE_PATH: path.join(tmp(), "w.db") })).toThrow(
      /SESSION_SECRET: .*openssl rand -hex 32/,
    );
  });

  it.each([
    [{ PORT: "eighty" }, /^Configuration error: PORT: PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT/],
    [{ POSTCODES_API_URL: "postcodes" }, /POSTCODES_API_URL: POSTCODES_API_URL must be a full URL/],
    [{ NOTIFY_API_KEY: "not-a-key" }, /NOTIFY_API_KEY/],
    [{ NODE_ENV: "staging" }, /NODE_ENV must be development, production or test/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET must be at least 32 characters/],
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

  it("strips a trailing slash from URLs", () => {
    expect(parseConfig({ DATABASE_PATH: path.join(tmp(), "w.db"), BASE_URL: "https://waymark.example.org/" }).BASE_URL).toBe("https://waymark.example.org");
  });
});
