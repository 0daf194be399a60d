import { describe, expect, it } from "vitest";
import { messageInputSchema, normaliseUkMobile, SMS_MAX_LENGTH } from "~/messaging/message";

describe("normaliseUkMobile", () => {
  it.each([
    ["07700900000", "07700900000"],
    ["07700 900 982", "07700900982"],
    ["+44 7700 900982", "07700900982"],
    ["+44 (0)7700 900982", "07700900982"],
    ["0044-7700-900982", "07700900982"],
    ["447700900982", "07700900982"],
    ["(07700) 900.982", "07700900982"],
  ])("reads %s as %s", (input, expected) => {
    expect(normaliseUkMobile(input)).toBe(expected);
  });

  it.each(["020 7946 0000", "0770090098", "077009009821", "7700900982", "00 7700 900982", "+33 6 12 34 56 78", "07700 90098a", ""])(
    "refuses %s",
    (input) => {
      expect(normaliseUkMobile(input)).toBeNull();
    },
  );
});

describe("messageInputSchema", () => {
  const email = { channel: "email", to: "sam@example.org", subject: "Your invitation", body: "Hello", purpose: "invite" } as const;
  const sms = { channel: "sms", to: "07700 900 982", body: "Your reference is 7KQ3 MXP2", purpose: "plan" } as const;

  it("accepts a valid email and trims it", () => {
    const result = messageInputSchema.safeParse({ ...email, to: "  sam@example.org " });
    expect(result.success && result.data.to).toBe("sam@example.org");
  });

  it("accepts a text and stores the number in one form", () => {
    const result = messageInputSchema.safeParse(sms);
    expect(result.success && result.data).toMatchObject({ to: "07700900982", subject: "" });
  });

  it.each([
    [{ ...email, to: "not an email" }, "to", "Enter an email address in the correct format, like name@example.com"],
    [{ ...email, to: "" }, "to", "Enter an email address"],
    [{ ...sms, to: "020 7946 0000" }, "to", "Enter a UK mobile number, like 07700 900 982"],
    [{ ...sms, to: "sam@example.org" }, "to", "Enter a UK mobile number, like 07700 900 982"],
    [{ ...email, subject: "" }, "subject", "An email needs a subject"],
    [{ ...email, subject: "Line one\nline two" }, "subject", "Subject must be one line"],
    [{ ...email, body: "   " }, "body", "A message needs a body"],
    [{ ...sms, body: "x".repeat(SMS_MAX_LENGTH + 1) }, "body", `A text message must be ${SMS_MAX_LENGTH} characters or fewer`],
    [{ ...sms, purpose: "marketing" }, "purpose", expect.stringContaining("Purpose must be one of")],
  ])("refuses %j on %s", (input, field, message) => {
    const result = messageInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0].path).toEqual([field]);
      expect(result.error.issues[0].message).toEqual(message);
    }
  });

  it("refuses an unknown channel", () => {
    expect(messageInputSchema.safeParse({ ...email, channel: "letter" }).success).toBe(false);
  });

  it("accepts a text of exactly the maximum length", () => {
    expect(messageInputSchema.safeParse({ ...sms, body: "x".repeat(SMS_MAX_LENGTH) }).success).toBe(true);
  });
});
