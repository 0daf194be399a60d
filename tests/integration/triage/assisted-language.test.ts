/** A champion runs the triage in English with the resident's questions shown beside, in the resident's language. */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import * as startPage from "~/routes/triage._index";
import * as questionPage from "~/routes/triage.q.$questionId";
import { createTestArea, createTestUser, type TestUser } from "../../helpers/auth";
import { Visitor } from "./support";

let champion: TestUser;

beforeAll(async () => {
  const areaId = await createTestArea(getDb(), "Side-by-side district", ["ZE4"]);
  champion = await createTestUser(getDb(), { role: "champion", areaIds: [areaId] });
});

const wording = (html: string) => html.slice(html.indexOf('<div class="govuk-inset-text app-resident-wording"'), html.indexOf("</div>", html.indexOf("app-resident-wording")));

describe("the resident's language beside the champion's", () => {
  it("offers the languages the resident check is in, and refuses one it is not in", async () => {
    const visitor = await Visitor.signedIn(champion);
    const start = await (await visitor.get(startPage, "/triage")).json();
    expect(start.languages.map((l: { code: string }) => l.code)).toEqual(["en", "cy", "pl"]);
    const refused = await visitor.post(startPage, "/triage", { residentLanguage: "fr" });
    expect(refused.status).toBe(400);
  });

  it("shows each question in Welsh, marked lang=cy, under the champion's English question", async () => {
    const visitor = await Visitor.signedIn(champion);
    const started = await visitor.post(startPage, "/triage", { residentLanguage: "cy" });
    expect(started.status).toBe(302);
    const { html } = await visitor.render(questionPage, "/triage/q/:questionId", "/triage/q/internet-use");
    const beside = wording(html);
    expect(beside).toContain('lang="cy"');
    expect(beside).toContain("Pa mor aml ydych chi&#x27;n defnyddio&#x27;r rhyngrwyd?");
    expect(beside).toContain('<p class="govuk-body-s" lang="en-GB">Shown in Cymraeg for the person to read.</p>');
    // The champion's own question and controls stay in English.
    expect(html.slice(0, html.indexOf("app-resident-wording"))).not.toContain("rhyngrwyd");
  });

  it("shows nothing beside the question when the resident reads English", async () => {
    const visitor = await Visitor.signedIn(champion);
    await visitor.post(startPage, "/triage", {});
    const { html } = await visitor.render(questionPage, "/triage/q/:questionId", "/triage/q/internet-use");
    expect(html).not.toContain("app-resident-wording");
  });
});
