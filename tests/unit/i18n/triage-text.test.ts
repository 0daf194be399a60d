import { describe, expect, it } from "vitest";
import { bankMessages, localiseBank } from "~/i18n/triage-text";
import { questionView } from "~/triage/question-view";
import { loadTriageContent } from "~/triage/question-bank.server";
import { findQuestion } from "~/triage/types";

const { bank } = loadTriageContent();

describe("the question bank's resident text as translation keys", () => {
  it("has a key for every question, option, scale end and section, and the skill answers once", () => {
    const messages = bankMessages(bank);
    expect(messages["bank.questions.goals.resident"]).toBe("What would you like to do online?");
    expect(messages["bank.questions.goals.options.keep-in-touch"]).toBe("Talk to family and friends");
    expect(messages["bank.questions.confidence.minLabel"]).toBe("Not sure at all");
    expect(messages["bank.skillOptions.own"]).toBe("I can do this on my own");
    expect(messages["bank.sections.about-you"]).toBe("About you");
    expect(Object.keys(messages).some((key) => key.includes("f-wifi.options"))).toBe(false);
    // Champion wording is not for residents, so it is never a key.
    expect(Object.values(messages)).not.toContain(findQuestion(bank, "goals")!.champion);
  });

  it("swaps in the translations it has and keeps English for the rest, without touching ids or signals", () => {
    const localised = localiseBank(bank, {
      "bank.questions.goals.resident": "Beth hoffech chi ei wneud ar-lein?",
      "bank.questions.goals.options.keep-in-touch": "Siarad â theulu a ffrindiau",
      "bank.skillOptions.own": "Gallaf wneud hyn ar fy mhen fy hun",
      "bank.sections.about-you": "Amdanoch chi",
    });
    const goals = questionView(localised, {}, findQuestion(localised, "goals")!, "self");
    expect(goals.heading).toBe("Beth hoffech chi ei wneud ar-lein?");
    expect(goals.sectionTitle).toBe("Amdanoch chi");
    expect(goals.options.find((o) => o.value === "keep-in-touch")?.label).toBe("Siarad â theulu a ffrindiau");
    expect(goals.options.find((o) => o.value === "health")?.label).toBe("Book doctor's appointments or order medicine");
    expect(goals.hint).toBe("Choose all that you would like to do.");
    const wifi = findQuestion(localised, "f-wifi")!;
    expect(wifi.kind === "skill" && wifi.options.find((o) => o.id === "own")?.label).toBe("Gallaf wneud hyn ar fy mhen fy hun");
    expect(localised.questions.map((q) => q.id)).toEqual(bank.questions.map((q) => q.id));
    expect(findQuestion(localised, "goals")).toMatchObject({ champion: findQuestion(bank, "goals")!.champion });
  });
});
