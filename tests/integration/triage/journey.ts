import { expect } from "vitest";
import type { QuestionView } from "~/triage/question-view";
import type { Visitor } from "./support";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route modules are typed by their own loaders
type AnyModule = any;

/** A plausible answer to any question: the given option ids where offered, else the first option (or 6 on a scale). */
export function answerFor(question: QuestionView, preferred: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  if (question.id in preferred) return { questionId: question.id, answer: preferred[question.id] };
  if (question.control === "scale") return { questionId: question.id, answer: "6" };
  const first = question.options.find((o) => !o.exclusive) ?? question.options[0];
  return { questionId: question.id, answer: first.value };
}

/**
 * Follows the pages from a start address, answering each question as a person would, until
 * the journey reaches check-your-answers. Returns the question ids in the order asked.
 */
export async function answerEverything(
  visitor: Visitor,
  base: "/check" | "/triage",
  question: AnyModule,
  firstHref: string,
  preferred: Record<string, string | string[]> = {},
): Promise<string[]> {
  const asked: string[] = [];
  let href = firstHref;
  while (href.startsWith(`${base}/q/`)) {
    const url = new URL(href, "http://localhost");
    const questionId = url.pathname.split("/").pop()!;
    const page = await (await visitor.get(question, href, { questionId })).json();
    expect(page.kind).toBe("question");
    expect(asked).not.toContain(questionId);
    asked.push(questionId);
    const response = await visitor.post(question, href, answerFor(page.question, preferred), { questionId });
    expect(response.status).toBe(302);
    href = response.headers.get("Location")!;
  }
  expect(href).toBe(`${base}/answers`);
  return asked;
}
