import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import * as outbox from "~/routes/admin.outbox";
import { seedCast, Visitor, type Cast } from "./support";

let cast: Cast;
beforeAll(async () => {
  cast = await seedCast(getDb());
});

describe("the outbox page", () => {
  it("masks a resident's email address as it masks their mobile, and shows staff addresses", async () => {
    const db = getDb();
    const person = { type: "referral-person", id: "referral-1" };
    await enqueueMessage(db, { channel: "email", to: "sam.person@example.org", subject: "Your Waymark reference", body: "Your reference", purpose: "referral-new", related: person, forgetRecipient: false });
    await enqueueMessage(db, { channel: "sms", to: "07700 900982", body: "Your reference", purpose: "referral-new", related: person, forgetRecipient: false });
    await enqueueMessage(db, { channel: "email", to: "lee.plan@example.net", subject: "Your plan", body: "Your plan", purpose: "shortlist", forgetRecipient: true });
    await enqueueMessage(db, { channel: "email", to: "provider@connectkent.example.org", subject: "New referral", body: "Sign in", purpose: "referral-new", related: { type: "referral", id: "referral-1" } });

    const response = await (await Visitor.signedIn(cast.admin)).get(outbox.loader, "/admin/outbox");
    expect(response.status).toBe(200);
    const text = await response.text();
    const { messages } = JSON.parse(text) as { messages: { to: string; channel: string; subject: string }[] };
    const to = (subject: string) => messages.find((m) => m.subject === subject)?.to;
    expect(to("Your Waymark reference")).toBe("s••••••••@••••.org");
    expect(to("Your plan")).toBe("l••••••••@••••.net");
    expect(messages.find((m) => m.channel === "sms")?.to).toBe("••••••••982");
    expect(to("New referral")).toBe("provider@connectkent.example.org");
    for (const secret of ["sam.person", "lee.plan", "07700900982"]) expect(text).not.toContain(secret);
  });
});
