import type { Messages } from "./catalogue";
import type { Question, QuestionBank, Rule } from "~/triage/types";

/**
 * The resident-facing text of the question bank and the recommendation rules, as translation
 * keys. English comes from the bank itself, so a new question or option is a missing key in
 * every other language until someone translates it. Champion wording is not translated: the
 * champion works in English and reads the resident's question beside it.
 */

const q = (question: Question, field: string) => `bank.questions.${question.id}.${field}`;

export function bankMessages(bank: QuestionBank): Messages {
  const messages: Messages = {};
  for (const section of bank.sections) messages[`bank.sections.${section.id}`] = section.residentTitle;
  for (const question of bank.questions) {
    messages[q(question, "summary")] = question.summary;
    messages[q(question, "resident")] = question.resident;
    if (question.residentHint) messages[q(question, "residentHint")] = question.residentHint;
    if (question.kind === "scale") {
      messages[q(question, "minLabel")] = question.minLabel;
      messages[q(question, "maxLabel")] = question.maxLabel;
    } else if (question.kind === "skill") {
      // The four skill answers are the same on every skill question, so they are translated once.
      for (const option of question.options) messages[`bank.skillOptions.${option.id}`] = option.label;
    } else {
      for (const option of question.options) {
        messages[q(question, `options.${option.id}`)] = option.label;
        if (option.hint) messages[q(question, `optionHints.${option.id}`)] = option.hint;
      }
    }
  }
  return messages;
}

/** The bank with its resident text in another language; any text without a translation stays English. */
export function localiseBank(bank: QuestionBank, messages: Messages): QuestionBank {
  const text = (key: string, english: string) => messages[key] ?? english;
  return {
    ...bank,
    sections: bank.sections.map((section) => ({ ...section, residentTitle: text(`bank.sections.${section.id}`, section.residentTitle) })),
    questions: bank.questions.map((question): Question => {
      const base = {
        summary: text(q(question, "summary"), question.summary),
        resident: text(q(question, "resident"), question.resident),
        residentHint: question.residentHint ? text(q(question, "residentHint"), question.residentHint) : question.residentHint,
      };
      if (question.kind === "scale") {
        return { ...question, ...base, minLabel: text(q(question, "minLabel"), question.minLabel), maxLabel: text(q(question, "maxLabel"), question.maxLabel) };
      }
      const optionKey = (id: string) => (question.kind === "skill" ? `bank.skillOptions.${id}` : q(question, `options.${id}`));
      return {
        ...question,
        ...base,
        options: question.options.map((option) => ({
          ...option,
          label: text(optionKey(option.id), option.label),
          ...(option.hint ? { hint: text(q(question, `optionHints.${option.id}`), option.hint) } : {}),
        })),
      };
    }),
  };
}

export function ruleMessages(rules: Rule[]): Messages {
  const messages: Messages = {};
  for (const rule of rules) {
    messages[`rules.${rule.id}.title`] = rule.residentTitle ?? rule.title;
    messages[`rules.${rule.id}.text`] = rule.resident;
  }
  return messages;
}
