import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { getArticle } from "~/knowledge/articles.server";
import { getDb } from "~/lib/db.server";
import * as answersPage from "~/routes/check.answers";
import * as startPage from "~/routes/check._index";
import * as questionPage from "~/routes/check.q.$questionId";
import * as reopenPage from "~/routes/check.reopen";
import * as resultPage from "~/routes/check.result.$reference";
import { enqueueMessage } from "~/messaging/outbox.server";
import { loadTriageContent } from "~/triage/question-bank.server";
import { postcodesIoHandlers } from "../../mocks/postcodes-io";
import { server } from "../../mocks/server";
import { answerEverything } from "./journey";
import { Visitor, attr, context, openingTags, textOf, thrownResponse } from "./support";

const { bank } = loadTriageContent();
const FIRST = `/check/q/${bank.questions[0].id}`;

beforeAll(async () => {
  server.use(...postcodesIoHandlers);
  await seedDirectory(getDb());
});

async function sessionAnswers(visitor: Visitor) {
  const response = await visitor.get(startPage, "/check");
  return (await response.json()) as { started: boolean; continueHref: string; complete: boolean; lastPlan: { href: string } | null };
}

/** A visitor part-way through: goals, work status and how often they go online answered. */
async function partWay(): Promise<Visitor> {
  const visitor = new Visitor();
  await visitor.post(questionPage, "/check/q/goals", { questionId: "goals", answer: ["keep-in-touch", "health"] }, { questionId: "goals" });
  await visitor.post(questionPage, "/check/q/work-status", { questionId: "work-status", answer: "not-looking" }, { questionId: "work-status" });
  return visitor;
}

describe("the start page", () => {
  it("says what the check is, how long it takes and that it is anonymous, and starts at the first question", async () => {
    const page = await new Visitor().render(startPage, "/check", "/check");
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("about 10 minutes");
    expect(text).toContain("You do not need to give your name");
    expect(text).toContain("library");
    expect(openingTags(page.html, "a").map((a) => attr(a, "href"))).toContain(FIRST);
  });

  it("offers to carry on, and starting again forgets the answers", async () => {
    const visitor = await partWay();
    expect(await sessionAnswers(visitor)).toMatchObject({ started: true, continueHref: "/check/q/internet-use" });
    const restart = await visitor.post(startPage, "/check", {});
    expect(restart.headers.get("Location")).toBe("/check");
    expect(await sessionAnswers(visitor)).toMatchObject({ started: false, continueHref: FIRST });
  });
});

describe("question pages", () => {
  it("have exactly one question with a labelled control and a back link, all the way through", async () => {
    const visitor = new Visitor();
    let href = FIRST;
    let pages = 0;
    while (href.startsWith("/check/q/")) {
      const questionId = new URL(href, "http://localhost").pathname.split("/").pop()!;
      const page = await visitor.render(questionPage, "/check/q/:questionId", href);
      expect(page.status).toBe(200);
      expect(openingTags(page.html, "h1")).toHaveLength(1);
      expect(openingTags(page.html, "fieldset")).toHaveLength(1);
      expect(openingTags(page.html, "form")).toHaveLength(1);
      expect(openingTags(page.html, "a").filter((a) => attr(a, "class") === "govuk-back-link")).toHaveLength(1);
      const inputs = openingTags(page.html, "input").filter((i) => /type="(radio|checkbox)"/.test(i));
      expect(inputs.length).toBeGreaterThanOrEqual(2);
      const labelled = new Set(openingTags(page.html, "label").map((l) => attr(l, "for")));
      for (const input of inputs) {
        expect(attr(input, "name")).toBe("answer");
        expect(labelled.has(attr(input, "id"))).toBe(true);
      }
      const response = await visitor.post(questionPage, href, { questionId, answer: attr(inputs[0], "value")! }, { questionId });
      expect(response.status).toBe(302);
      href = response.headers.get("Location")!;
      pages++;
    }
    expect(href).toBe("/check/answers");
    expect(pages).toBeGreaterThan(20);
  });

  it("link back to the previous answered question, and the first one to the start page", async () => {
    const visitor = await partWay();
    const back = async (id: string, search = "") => (await (await visitor.get(questionPage, `/check/q/${id}${search}`, { questionId: id })).json()).backHref;
    expect(await back("goals")).toBe("/check");
    expect(await back("internet-use")).toBe("/check/q/work-status");
    expect(await back("feelings", "?return=answers")).toBe("/check/answers");
  });

  it("show the answer given before, so going back loses nothing", async () => {
    const visitor = await partWay();
    const page = await visitor.render(questionPage, "/check/q/:questionId", "/check/q/goals");
    const checked = openingTags(page.html, "input").filter((i) => / checked=""/.test(i));
    expect(checked.map((i) => attr(i, "value")).sort()).toEqual(["health", "keep-in-touch"]);
  });

  it("show what was just ticked when an answer is refused, not the answer saved before", async () => {
    const ticked = (html: string) =>
      openingTags(html, "input")
        .filter((i) => / checked=""/.test(i))
        .map((i) => attr(i, "value"))
        .sort();
    const visitor = await partWay();
    const clash = await visitor.render(questionPage, "/check/q/:questionId", "/check/q/goals", { questionId: "goals", answer: ["nothing", "health"] });
    expect(clash.status).toBe(400);
    expect(textOf(clash.html)).toContain('Choose "Nothing at the moment" on its own');
    expect(ticked(clash.html)).toEqual(["health", "nothing"]);
    // A made-up id is refused and not shown back; the real ticks beside it are.
    const forged = await visitor.render(questionPage, "/check/q/:questionId", "/check/q/goals", { questionId: "goals", answer: ["banking", "made-up"] });
    expect(forged.status).toBe(400);
    expect(ticked(forged.html)).toEqual(["banking"]);
    const empty = await visitor.render(questionPage, "/check/q/:questionId", "/check/q/goals", { questionId: "goals" });
    expect(ticked(empty.html)).toEqual([]);
    // Nothing was saved: the page still opens with the earlier answer.
    const again = await visitor.render(questionPage, "/check/q/:questionId", "/check/q/goals");
    expect(ticked(again.html)).toEqual(["health", "keep-in-touch"]);
  });

  it("show an error summary when submitted empty, for each kind of control", async () => {
    const visitor = new Visitor();
    await answerEverything(visitor, "/check", questionPage, FIRST, { goals: ["hobbies"] });
    for (const [id, message] of [
      ["goals", "Choose at least one answer."],
      ["work-status", "Choose an answer."],
      ["confidence", "Choose a number from 0 to 10."],
      ["f-turn-on", "Choose an answer."],
    ]) {
      const page = await visitor.render(questionPage, "/check/q/:questionId", `/check/q/${id}`, { questionId: id });
      expect(page.status).toBe(400);
      expect(page.html).toContain("govuk-error-summary");
      expect(textOf(page.html)).toContain("There is a problem");
      expect(textOf(page.html)).toContain(message);
      expect(page.html).toContain('href="#answer"');
      // The summary link lands on the first choice of the one control on the page.
      expect(openingTags(page.html, "input").filter((i) => attr(i, "id") === "answer")).toHaveLength(1);
    }
  });

  it("refuse tampered answers with a clear message and keep the answers given", async () => {
    const visitor = await partWay();
    const before = await sessionAnswers(visitor);
    const cases: [string, Record<string, string | string[]>, string][] = [
      ["internet-use", { questionId: "internet-use", answer: "every-second" }, "Choose from the answers shown."],
      ["internet-use", { questionId: "internet-use", answer: ["daily", "never"] }, "Choose one answer only."],
      ["internet-use", { questionId: "internet-use", intent: "skip" }, "Choose an answer to carry on."],
      ["internet-use", { questionId: "goals", answer: "daily" }, "That answer was for a different question."],
      ["internet-use", { questionId: "internet-use", answer: "x".repeat(10_000) }, "Choose from the answers shown."],
      ["goals", { questionId: "goals", answer: ["nothing", "health"] }, 'Choose "Nothing at the moment" on its own'],
      ["confidence", { questionId: "confidence", answer: "eleven" }, "Choose a whole number from 0 to 10."],
      ["confidence", { questionId: "confidence", answer: "99" }, "Choose a number from 0 to 10."],
      // Only asked of people whose phone runs out of data: not shown to this visitor.
      ["data-runs-out", { questionId: "data-runs-out", answer: "often" }, "That question does not apply to the answers given so far."],
      ["no-such-question", { questionId: "no-such-question", answer: "yes" }, "That question is not part of this check."],
    ];
    for (const [id, fields, message] of cases) {
      const response = await visitor.post(questionPage, `/check/q/${id}`, fields, { questionId: id });
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await response.json()).error).toContain(message);
    }
    expect(await sessionAnswers(visitor)).toEqual(before);
  });

  it("render a tampered post as the page again with the error, never a crash", async () => {
    const visitor = await partWay();
    const page = await visitor.render(questionPage, "/check/q/:questionId", "/check/q/data-runs-out", { questionId: "data-runs-out", answer: "often" });
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain("does not apply to the answers given so far");
    expect(textOf(page.html)).toContain("You do not need to answer this question");
  });

  it("are not found for a question that does not exist", async () => {
    const response = await thrownResponse(questionPage.loader({ request: new Visitor().request("/check/q/favourite-colour"), params: { questionId: "favourite-colour" }, context }));
    expect(response.status).toBe(404);
  });
});

describe("check your answers", () => {
  it("sends a visitor who has not finished back to the next question", async () => {
    const visitor = await partWay();
    expect((await visitor.get(answersPage, "/check/answers")).headers.get("Location")).toBe("/check/q/internet-use");
    expect((await new Visitor().get(answersPage, "/check/answers")).headers.get("Location")).toBe("/check");
  });

  it("lists every answer with a change link that comes back here", async () => {
    const visitor = new Visitor();
    await answerEverything(visitor, "/check", questionPage, FIRST);
    const page = await visitor.render(answersPage, "/check/answers", "/check/answers");
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/check/q/feelings?return=answers"');

    const changed = await visitor.post(questionPage, "/check/q/feelings?return=answers", { questionId: "feelings", answer: "unsure" }, { questionId: "feelings" });
    expect(changed.headers.get("Location")).toBe("/check/answers");
    const after = await visitor.render(answersPage, "/check/answers", "/check/answers");
    expect(textOf(after.html)).toContain("I would like to, but I'm not sure I can");
  });

  it("asks any question a changed answer opens up before coming back", async () => {
    const visitor = new Visitor();
    await answerEverything(visitor, "/check", questionPage, FIRST, { goals: ["keep-in-touch"], "work-status": "not-looking" });
    const changed = await visitor.post(questionPage, "/check/q/work-status?return=answers", { questionId: "work-status", answer: "looking" }, { questionId: "work-status" });
    const next = changed.headers.get("Location")!;
    expect(next).toMatch(/^\/check\/q\/w-[a-z-]+\?return=answers$/);
    const rest = await answerEverything(visitor, "/check", questionPage, next);
    expect(rest.every((id) => id.startsWith("w-"))).toBe(true);
  });

  it("saves one anonymous result with the bank version, then shows the plan", async () => {
    const db = getDb();
    const visitor = new Visitor();
    await answerEverything(visitor, "/check", questionPage, FIRST);
    const count = async () => Number((await db.selectFrom("triage_results").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    const done = await visitor.post(answersPage, "/check/answers", {});
    expect(done.status).toBe(302);
    const reference = done.headers.get("Location")!.match(/^\/check\/result\/([A-Z0-9]{8})$/)![1];
    expect(await count()).toBe(before + 1);
    const row = await db.selectFrom("triage_results").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mode: "self", bank_version: bank.version, outward_postcode: null, created_by_user_id: null, organisation_id: null, observations: null });
    // The answers are gone from the session once saved; only the reference stays, so a reload or
    // the back button finds the plan rather than an empty check.
    expect(await sessionAnswers(visitor)).toMatchObject({ started: false, lastPlan: { href: `/check/result/${reference}` } });
    expect((await visitor.get(answersPage, "/check/answers")).headers.get("Location")).toBe(`/check/result/${reference}`);
  });
});

describe("the result page", () => {
  let reference: string;
  beforeAll(async () => {
    const visitor = new Visitor();
    await answerEverything(visitor, "/check", questionPage, FIRST, { devices: ["none"], "home-internet": "none", feelings: "unsure", confidence: "2" });
    reference = (await visitor.post(answersPage, "/check/answers", {})).headers.get("Location")!.split("/").pop()!;
  });

  it("explains the plan in plain words with the reference to keep", async () => {
    const page = await new Visitor().render(resultPage, "/check/result/:reference", `/check/result/${reference}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(`${reference.slice(0, 4)} ${reference.slice(4)}`);
    for (const heading of ["What is going well", "What is getting in the way", "Your digital skills", "What to do next", "Help near you", "Keep your plan"]) expect(text).toContain(heading);
    expect(text).toContain("Having a phone, tablet or computer that works for you");
    expect(page.html).toContain("/knowledge/free-data-sims-and-devices");
    expect(page.html).toContain("/services?category=device-loan");
    expect(page.html).toContain(`/referrals/self?triage=${reference}`);
  });

  it("lists more guides for what the person told us, only ones written for residents", async () => {
    const page = await new Visitor().render(resultPage, "/check/result/:reference", `/check/result/${reference}`);
    expect(textOf(page.html)).toContain("Guides for what you told us");
    const slugs = openingTags(page.html, "a")
      .map((a) => attr(a, "href")?.match(/\/knowledge\/([a-z0-9-]+)$/)?.[1])
      .filter((slug): slug is string => Boolean(slug));
    expect(slugs.length).toBeGreaterThan(1);
    for (const slug of slugs) expect(getArticle(slug)?.audience, slug).toContain("resident");
  });

  it("lists up to 5 services nearby for a postcode, and explains a postcode that is not one", async () => {
    const near = await new Visitor().render(resultPage, "/check/result/:reference", `/check/result/${reference}?postcode=ME14%201LE`);
    const services = openingTags(near.html, "a").filter((a) => /href="[^"]*\/services\/[^"?]+"/.test(a));
    expect(services.length).toBeGreaterThan(0);
    expect(services.length).toBeLessThanOrEqual(5);
    expect(near.html).toContain("postcode=ME14+1LE");

    const wrong = await new Visitor().render(resultPage, "/check/result/:reference", `/check/result/${reference}?postcode=not-a-place`);
    expect(textOf(wrong.html)).toContain("Enter a real postcode, like ME14 1LE");
  });

  it("redirects a reference typed in lower case to the one address, and is not found for an unknown one", async () => {
    const lower = await new Visitor().get(resultPage, `/check/result/${reference.toLowerCase()}`, { reference: reference.toLowerCase() });
    expect(lower.headers.get("Location")).toBe(`/check/result/${reference}`);
    const missing = await thrownResponse(resultPage.loader({ request: new Visitor().request("/check/result/ZZZZZZZZ"), params: { reference: "ZZZZZZZZ" }, context }));
    expect(missing.status).toBe(404);
  });

  it("sends the plan only with the person's say-so, and asks the outbox to forget the number", async () => {
    const db = getDb();
    const path = `/check/result/${reference}`;
    const params = { reference };
    const plans = () => db.selectFrom("messages").selectAll().where("purpose", "=", "plan").execute();
    const before = (await plans()).length;

    const refused = await new Visitor().post(resultPage, path, { to: "07700 900 982" }, params);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: { consent: "Tick the box to say we may send your plan once" }, values: { to: "07700 900 982" } });
    const landline = await new Visitor().post(resultPage, path, { to: "01632 960 001", consent: "yes" }, params);
    expect((await landline.json()).errors).toEqual({ to: "Enter a UK mobile number, like 07700 900 982, or an email address" });
    const nothing = await new Visitor().post(resultPage, path, {}, params);
    expect((await nothing.json()).errors).toEqual({ to: "Enter a mobile phone number or an email address", consent: "Tick the box to say we may send your plan once" });
    const page = await new Visitor().render(resultPage, "/check/result/:reference", path, { to: "someone@", consent: "yes" });
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain("There is a problem");
    expect(page.html).toContain('href="#to"');
    expect((await plans()).length).toBe(before);

    const sent = await new Visitor().post(resultPage, path, { to: "07700 900 982", consent: "yes" }, params);
    expect(sent.headers.get("Location")).toBe(`${path}?sent=sms`);
    const messages = await plans();
    expect(messages.length).toBe(before + 1);
    const message = messages.find((m) => m.related_id !== null && m.channel === "sms")!;
    expect(message).toMatchObject({ recipient: "07700900982", forget_recipient: 1, status: "queued" });
    expect(message.body).toContain(`http://localhost/check/result/${reference}`);
    expect(message.body.length).toBeLessThanOrEqual(918);

    const email = await new Visitor().post(resultPage, path, { to: "someone@example.com", consent: "yes" }, params);
    expect(email.headers.get("Location")).toBe(`${path}?sent=email`);
    expect((await plans()).find((m) => m.channel === "email")).toMatchObject({ recipient: "someone@example.com", forget_recipient: 1 });
  });
});

describe("sending a plan", () => {
  let reference: string;
  let resultId: string;
  beforeAll(async () => {
    const visitor = new Visitor();
    await answerEverything(visitor, "/check", questionPage, FIRST);
    reference = (await visitor.post(answersPage, "/check/answers", {})).headers.get("Location")!.split("/").pop()!;
    resultId = (await getDb().selectFrom("triage_results").select("id").where("reference", "=", reference).executeTakeFirstOrThrow()).id;
  });

  it("stops at 3 sends of one plan an hour, saying so and keeping what was typed", async () => {
    const db = getDb();
    const path = `/check/result/${reference}`;
    const sends = async () =>
      (await db.selectFrom("messages").select("id").where("purpose", "=", "plan").where("related_type", "=", "triage_result").where("related_id", "=", resultId).execute()).length;
    // A send from yesterday does not count towards the limit.
    await enqueueMessage(db, { channel: "sms", to: "07700900001", subject: "", body: "An old copy", purpose: "plan", related: { type: "triage_result", id: resultId }, forgetRecipient: true }, new Date(Date.now() - 24 * 60 * 60 * 1000));
    for (const to of ["07700 900 982", "someone@example.com", "07700 900 983"]) {
      const sent = await new Visitor().post(resultPage, path, { to, consent: "yes" }, { reference });
      expect(sent.status, to).toBe(302);
    }
    expect(await sends()).toBe(4);

    const page = await new Visitor().render(resultPage, "/check/result/:reference", path, { to: " 07700 900 984 ", consent: "yes" });
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain("There is a problem");
    expect(textOf(page.html)).toMatch(/This plan has been sent 3 times in the last hour\. You can send it again in (59|60) minutes\./);
    expect(page.html).toContain('href="#to"');
    expect(page.html).toContain('value=" 07700 900 984 "');
    expect(await sends()).toBe(4);
  });
});

describe("reopening a plan", () => {
  let reference: string;
  beforeAll(async () => {
    const visitor = new Visitor();
    await answerEverything(visitor, "/check", questionPage, FIRST);
    reference = (await visitor.post(answersPage, "/check/answers", {})).headers.get("Location")!.split("/").pop()!;
  });

  it("opens the plan for a good reference, however it is typed", async () => {
    for (const typed of [reference, `${reference.slice(0, 4).toLowerCase()} ${reference.slice(4).toLowerCase()}`, ` ${reference.slice(0, 4)}-${reference.slice(4)} `]) {
      const response = await new Visitor().post(reopenPage, "/check/reopen", { reference: typed });
      expect(response.headers.get("Location"), typed).toBe(`/check/result/${reference}`);
    }
  });

  it("explains a reference that is wrong, and keeps what was typed", async () => {
    const cases: [string, string][] = [
      ["", "Enter the reference from your plan"],
      ["ABC", "It has 8 letters and numbers"],
      ["ABCD-EFG0", "It has 8 letters and numbers"],
      ["ZZZZ ZZZZ", "We cannot find a plan with that reference"],
    ];
    for (const [typed, message] of cases) {
      const page = await new Visitor().render(reopenPage, "/check/reopen", "/check/reopen", { reference: typed });
      expect(page.status, typed).toBe(400);
      expect(textOf(page.html)).toContain(message);
      if (typed) expect(page.html).toContain(`value="${typed}"`);
    }
  });
});
