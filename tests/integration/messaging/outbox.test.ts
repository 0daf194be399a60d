import { type Compilable, CompiledQuery } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import { enqueueMessage, getMessage, listOutbox } from "~/messaging/outbox.server";
import { migrateToLatest } from "~db/migrator";

let db: Db;

beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});

afterEach(async () => {
  await db.destroy();
});

const now = new Date("2025-03-03T09:00:00.000Z");

describe("enqueueMessage", () => {
  it("writes a queued message that is due at once", async () => {
    const result = await enqueueMessage(
      db,
      {
        channel: "sms",
        to: "+44 7700 900 982",
        body: "Your reference is 7KQ3 MXP2",
        purpose: "referral-new",
        related: { type: "referral", id: "r-1" },
        forgetRecipient: true,
      },
      now,
    );
    expect(result.ok).toBe(true);
    const message = await getMessage(db, result.ok ? result.id : "");
    expect(message).toMatchObject({
      channel: "sms",
      recipient: "07700900982",
      forget_recipient: 1,
      subject: "",
      body: "Your reference is 7KQ3 MXP2",
      purpose: "referral-new",
      related_type: "referral",
      related_id: "r-1",
      status: "queued",
      attempts: 0,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
      last_error: null,
      notify_id: null,
      sent_at: null,
    });
  });

  it("answers an invalid recipient with field errors and stores nothing", async () => {
    const result = await enqueueMessage(db, { channel: "sms", to: "020 7946 0000", body: "Hello", purpose: "plan" }, now);
    expect(result).toEqual({ ok: false, errors: { to: "Enter a UK mobile number, like 07700 900 982" } });

    const email = await enqueueMessage(db, { channel: "email", to: "sam@", subject: "", body: "", purpose: "invite" }, now);
    expect(email).toEqual({
      ok: false,
      errors: {
        to: "Enter an email address in the correct format, like name@example.com",
        subject: "An email needs a subject",
        body: "A message needs a body",
      },
    });
    expect(await db.selectFrom("messages").selectAll().execute()).toEqual([]);
  });

  it("belongs to the caller's transaction, so a rolled-back change sends nothing", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueMessage(trx, { channel: "email", to: "sam@example.org", subject: "Hi", body: "Hello", purpose: "invite" }, now);
        throw new Error("the change that caused the message failed");
      }),
    ).rejects.toThrow("the change that caused the message failed");
    expect(await db.selectFrom("messages").selectAll().execute()).toEqual([]);
  });
});

describe("listOutbox", () => {
  beforeEach(async () => {
    for (let i = 0; i < 30; i++) {
      await enqueueMessage(
        db,
        {
          channel: "email",
          to: `person${i}@example.org`,
          subject: `Message ${i}`,
          body: "Hello",
          purpose: i % 3 === 0 ? "password-reset" : "invite",
        },
        new Date(now.getTime() + i * 1000),
      );
    }
  });

  it("pages newest first", async () => {
    const first = await listOutbox(db, { page: 1 });
    expect(first).toMatchObject({ page: 1, pageSize: 25, total: 30, totalPages: 2 });
    expect(first.messages).toHaveLength(25);
    expect(first.messages[0].subject).toBe("Message 29");
    const second = await listOutbox(db, { page: 2 });
    expect(second.messages.map((m) => m.subject)).toEqual(["Message 4", "Message 3", "Message 2", "Message 1", "Message 0"]);
  });

  it("keeps a page number from outside the range inside it", async () => {
    expect((await listOutbox(db, { page: 99 })).page).toBe(2);
    expect((await listOutbox(db, { page: 0 })).page).toBe(1);
    expect((await listOutbox(db, { page: Number.NaN })).page).toBe(1);
  });

  it("filters by purpose and by status", async () => {
    const resets = await listOutbox(db, { page: 1, purpose: "password-reset" });
    expect(resets.total).toBe(10);
    expect(resets.messages.every((m) => m.purpose === "password-reset")).toBe(true);
    expect((await listOutbox(db, { page: 1, status: "failed" })).total).toBe(0);
    expect((await listOutbox(db, { page: 1, status: "queued", purpose: "invite" })).total).toBe(20);
  });

  it("uses an index for the page and for the sender", async () => {
    const plan = async (query: Compilable) => {
      const { sql, parameters } = query.compile();
      const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]));
      return rows.map((r) => r.detail).join("; ");
    };
    expect(await plan(db.selectFrom("messages").selectAll().orderBy("created_at", "desc").limit(25))).toContain("messages_created");
    expect(
      await plan(db.selectFrom("messages").selectAll().where("purpose", "=", "invite").orderBy("created_at", "desc").limit(25)),
    ).toContain("messages_purpose_created");
    expect(
      await plan(
        db.selectFrom("messages").selectAll().where("status", "in", ["queued", "sending"]).where("next_attempt_at", "<=", now.toISOString()),
      ),
    ).toContain("messages_due");
  });
});

describe("getMessage", () => {
  it("returns undefined for an unknown id", async () => {
    expect(await getMessage(db, "no-such-message")).toBeUndefined();
  });
});
