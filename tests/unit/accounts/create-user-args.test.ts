import { describe, expect, it } from "vitest";
import { CREATE_USER_USAGE, parseCreateUserArgs } from "~/accounts/create-user-args";

describe("npm run user:create arguments", () => {
  it("names the account after the email address when --name is left out", () => {
    expect(parseCreateUserArgs(["--email", "Ops.Team@example.org", "--role", "admin"])).toEqual({
      ok: true,
      args: { email: "Ops.Team@example.org", name: "Ops.Team", role: "admin", organisation: undefined, areas: [] },
    });
  });

  it("keeps a name that is given, and reads organisation and areas", () => {
    const parsed = parseCreateUserArgs(["--email", " jo@example.org ", "--name", " Jo Bloggs ", "--role", "coordinator", "--organisation", "org-1", "--areas", "thanet, maidstone,"]);
    expect(parsed).toEqual({ ok: true, args: { email: "jo@example.org", name: "Jo Bloggs", role: "coordinator", organisation: "org-1", areas: ["thanet", "maidstone"] } });
  });

  it("says what is wrong, with the usage", () => {
    const noEmail = parseCreateUserArgs(["--role", "admin"]);
    expect(noEmail).toEqual({ ok: false, message: `--email is required\n${CREATE_USER_USAGE}` });
    expect(parseCreateUserArgs(["--email", "ops@example.org", "--role", "admin", "--name", " "])).toMatchObject({ ok: false, message: expect.stringContaining("--name must not be empty") });
    expect(parseCreateUserArgs(["--email", "not an address", "--role", "root"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--email must be an email address\n--role must be one of: .*admin/),
    });
    expect(parseCreateUserArgs(["--email", "ops@example.org", "--role", "admin", "--password", "x"])).toMatchObject({ ok: false, message: expect.stringContaining("--password") });
  });

  it("explains the default name in its usage", () => {
    expect(CREATE_USER_USAGE).toContain('Without --name, the name is the part of the email address before "@"');
  });
});
