import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { answerFieldName, type TrainingModule } from "~/knowledge/training";
import { getTrainingModule, getTrainingModules, recordQuizAttempt } from "~/knowledge/training.server";
import { getDb } from "~/lib/db.server";
import { loader as completionsLoader } from "~/routes/training.completions";
import { loader as trainingLoader } from "~/routes/training._index";
import { action as lessonAction, loader as lessonLoader } from "~/routes/training.$moduleId.lessons.$lessonId";
import { loader as resultsLoader } from "~/routes/training.$moduleId.quiz.results.$attemptId";
import { action as quizAction, loader as quizLoader } from "~/routes/training.$moduleId.quiz._index";
import { loader as recordLoader } from "~/routes/training.record";
import { createTestArea, createTestUser, formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { args, dataOf, thrownResponse } from "./support";

const state = vi.hoisted(() => ({ loaderData: undefined as unknown, actionData: undefined as unknown }));
vi.mock("@remix-run/react", () => ({
  Form: (props: Record<string, unknown>) => {
    const { children, ...rest } = props;
    return <form {...(rest as object)}>{children as never}</form>;
  },
  useLoaderData: () => state.loaderData,
  useActionData: () => state.actionData,
}));

const safety = getTrainingModule("online-safety")!;

/** Form fields answering the first `right` questions correctly and the rest wrongly. */
function answers(module: TrainingModule, right: number, skip: string[] = []): Record<string, string> {
  return Object.fromEntries(
    module.quiz.questions
      .filter((q) => !skip.includes(q.id))
      .map((q, index) => [answerFieldName(q.id), q.options.find((o) => o.correct === index < right)!.id]),
  );
}

async function submitQuiz(user: TestUser, module: TrainingModule, fields: Record<string, string>) {
  const path = `/training/${module.id}/quiz`;
  return quizAction(args(await signedInRequest(path, user, { method: "POST", body: formBody(fields) }), { moduleId: module.id }));
}

let champion: TestUser;

beforeAll(async () => {
  champion = await createTestUser(getDb(), { role: "champion" });
});

describe("training pages", () => {
  it("send signed-out visitors to sign in and let every signed-in role see the modules", async () => {
    const out = await thrownResponse(trainingLoader(args(await signedInRequest("/training", null))));
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/login?redirectTo=%2Ftraining");
    const provider = await createTestUser(getDb(), { role: "provider" });
    const data = await dataOf(trainingLoader(args(await signedInRequest("/training", provider))));
    expect(data.modules.map((m) => m.id)).toEqual(getTrainingModules().map((m) => m.id));
    expect(data.modules.every((m) => m.status === "not-started")).toBe(true);
    expect(data.canSeeCompletions).toBe(false);
  });

  it("do not record a lesson as read when it is viewed, only when the learner says so", async () => {
    const db = getDb();
    const [first, second] = safety.lessons;
    const path = `/training/${safety.id}/lessons/${first.id}`;
    const view = await dataOf(lessonLoader(args(await signedInRequest(path, champion), { moduleId: safety.id, lessonId: first.id })));
    expect(view.read).toBe(false);
    expect(view.html).toContain("<p class=\"govuk-body\">");
    expect(await db.selectFrom("training_progress").selectAll().where("user_id", "=", champion.id).execute()).toEqual([]);

    const response = await lessonAction(args(await signedInRequest(path, champion, { method: "POST", body: formBody({}) }), { moduleId: safety.id, lessonId: first.id }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/training/${safety.id}/lessons/${second.id}`);
    const last = safety.lessons[safety.lessons.length - 1];
    const end = await lessonAction(args(await signedInRequest(path, champion, { method: "POST", body: formBody({}) }), { moduleId: safety.id, lessonId: last.id }));
    expect(end.headers.get("location")).toBe(`/training/${safety.id}/quiz`);
    const rows = await db.selectFrom("training_progress").select("lesson_id").where("user_id", "=", champion.id).execute();
    expect(rows.map((r) => r.lesson_id).sort()).toEqual([first.id, last.id].sort());
  });

  it("are not found for an unknown module or lesson, to read or to mark", async () => {
    const request = await signedInRequest("/training/online-safety/lessons/nope", champion, { method: "POST", body: formBody({}) });
    expect((await thrownResponse(lessonAction(args(request, { moduleId: "online-safety", lessonId: "nope" })))).status).toBe(404);
    expect((await thrownResponse(quizLoader(args(await signedInRequest("/training/nope/quiz", champion), { moduleId: "nope" })))).status).toBe(404);
  });
});

describe("the quiz, as a plain form", () => {
  it("never sends which answers are right to the page", async () => {
    const data = await dataOf(quizLoader(args(await signedInRequest(`/training/${safety.id}/quiz`, champion), { moduleId: safety.id })));
    expect(JSON.stringify(data)).not.toMatch(/correct|feedback/);
    expect(data.questions).toHaveLength(safety.quiz.questions.length);
  });

  it("lists each unanswered question with a link to it, keeps the answers given, and saves nothing", async () => {
    const skipped = [safety.quiz.questions[1].id, safety.quiz.questions[4].id];
    const fields = answers(safety, 15, skipped);
    const response = (await submitQuiz(champion, safety, fields)) as Response;
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { field: string; message: string }[]; answers: Record<string, string> };
    expect(body.errors).toEqual([
      { questionId: skipped[0], field: answerFieldName(skipped[0]), message: "Answer question 2" },
      { questionId: skipped[1], field: answerFieldName(skipped[1]), message: "Answer question 5" },
    ]);
    expect(Object.keys(body.answers)).toHaveLength(safety.quiz.questions.length - 2);

    state.loaderData = await dataOf(quizLoader(args(await signedInRequest(`/training/${safety.id}/quiz`, champion), { moduleId: safety.id })));
    state.actionData = body;
    const { default: Quiz } = await import("~/routes/training.$moduleId.quiz._index");
    const html = renderToString(<Quiz />);
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain(`href="#${answerFieldName(skipped[0])}"`);
    expect(html).toContain(`id="${answerFieldName(skipped[0])}"`);
    const kept = safety.quiz.questions[0];
    const checked = [...html.matchAll(/<input[^>]*checked=""[^>]*>/g)].map(([input]) => input);
    expect(checked).toHaveLength(safety.quiz.questions.length - 2);
    expect(checked.some((input) => input.includes(`name="${answerFieldName(kept.id)}"`) && input.includes(`value="${fields[answerFieldName(kept.id)]}"`))).toBe(true);
    const attempts = await getDb().selectFrom("quiz_attempts").selectAll().where("user_id", "=", champion.id).execute();
    expect(attempts).toEqual([]);
  });

  it("refuses an answer that belongs to no option of its question", async () => {
    const fields = { ...answers(safety, 15), [answerFieldName(safety.quiz.questions[0].id)]: "made-up" };
    const response = (await submitQuiz(champion, safety, fields)) as Response;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toBe("Choose one of the answers given for question 1");
  });

  it("fails just under the pass mark (11 of 15 is 73%) and passes at 80% (12 of 15), recording both", async () => {
    const learner = await createTestUser(getDb(), { role: "staff" });
    const failed = (await submitQuiz(learner, safety, answers(safety, 11))) as Response;
    expect(failed.status).toBe(302);
    const failId = failed.headers.get("location")!.split("/").pop()!;
    const failResult = await dataOf(resultsLoader(args(await signedInRequest(failed.headers.get("location")!, learner), { moduleId: safety.id, attemptId: failId })));
    expect(failResult).toMatchObject({ score: 73, passed: false, correct: 11, total: 15 });

    const passed = (await submitQuiz(learner, safety, answers(safety, 12))) as Response;
    const passId = passed.headers.get("location")!.split("/").pop()!;
    const rows = await getDb().selectFrom("quiz_attempts").select(["id", "score_percent", "passed"]).where("user_id", "=", learner.id).orderBy("score_percent").execute();
    expect(rows).toEqual([
      { id: failId, score_percent: 73, passed: 0 },
      { id: passId, score_percent: 80, passed: 1 },
    ]);
  });

  it("records a pass when every answer is right and shows feedback for every answer", async () => {
    const response = (await submitQuiz(champion, safety, answers(safety, 15))) as Response;
    const location = response.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/training/${safety.id}/quiz/results/[0-9a-f-]{36}$`));
    const attemptId = location.split("/").pop()!;
    const data = await dataOf(resultsLoader(args(await signedInRequest(location, champion), { moduleId: safety.id, attemptId })));
    expect(data).toMatchObject({ score: 100, passed: true, correct: 15 });
    expect(data.questions.every((q) => q.correct && q.chosen === q.right && q.feedback.length > 0)).toBe(true);

    state.loaderData = data;
    const { default: Results } = await import("~/routes/training.$moduleId.quiz.results.$attemptId");
    const html = renderToString(<Results />);
    expect(html).toContain("You passed");
    expect(html.match(/Your answer:/g)).toHaveLength(15);
  });

  it("keeps each learner's results to themselves", async () => {
    const other = await createTestUser(getDb(), { role: "champion" });
    const { id } = await recordQuizAttempt(getDb(), { userId: other.id, moduleId: safety.id, score: 40, passed: false });
    const response = await thrownResponse(resultsLoader(args(await signedInRequest(`/training/${safety.id}/quiz/results/${id}`, champion), { moduleId: safety.id, attemptId: id })));
    expect(response.status).toBe(404);
  });
});

describe("learning record", () => {
  it("shows lessons read, the best score and when each module was passed", async () => {
    const data = await dataOf(recordLoader(args(await signedInRequest("/training/record", champion))));
    const mine = data.modules.find((m) => m.id === safety.id)!;
    expect(mine).toMatchObject({ status: "passed", bestScore: "100%", lessons: `2 of ${safety.lessons.length}`, attempts: 1 });
    expect(mine.passedOn).toMatch(/^\d{1,2} \w+ \d{4}$/);
    expect(data.modules.filter((m) => m.id !== safety.id).every((m) => m.status === "not-started")).toBe(true);
    expect(data.corePassed).toBe(1);
  });
});

describe("completions", () => {
  it("show a coordinator only the people in their areas, and who has passed each core module", async () => {
    const db = getDb();
    const mine = await createTestArea(db);
    const elsewhere = await createTestArea(db);
    const coordinator = await createTestUser(db, { role: "coordinator", areaIds: [mine] });
    const near = await createTestUser(db, { role: "champion", areaIds: [mine], name: "Aaron Nearby" });
    const far = await createTestUser(db, { role: "champion", areaIds: [elsewhere], name: "Zed Faraway" });
    for (const module of getTrainingModules().filter((m) => m.core)) {
      await recordQuizAttempt(db, { userId: near.id, moduleId: module.id, score: 90, passed: true });
    }
    await recordQuizAttempt(db, { userId: far.id, moduleId: safety.id, score: 100, passed: true });

    const data = await dataOf(completionsLoader(args(await signedInRequest("/training/completions", coordinator))));
    expect(data.people.map((p) => p.name).sort()).toEqual([coordinator.name, "Aaron Nearby"].sort());
    const aaron = data.people.find((p) => p.id === near.id)!;
    expect(aaron.allCore).toBe(true);
    expect(aaron.passed.every((date) => date !== null)).toBe(true);
    expect(data.modules).toHaveLength(getTrainingModules().filter((m) => m.core).length);

    const audit = await db.selectFrom("audit_log").selectAll().where("actor_user_id", "=", coordinator.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["training-completions-viewed"]);

    const admin = await createTestUser(db, { role: "admin", areaIds: [] });
    const all = await dataOf(completionsLoader(args(await signedInRequest("/training/completions", admin))));
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.everyone).toBe(true);
  });

  it("are forbidden to champions and providers", async () => {
    const provider = await createTestUser(getDb(), { role: "provider" });
    for (const user of [champion, provider]) {
      const response = await thrownResponse(completionsLoader(args(await signedInRequest("/training/completions", user))));
      expect(response.status).toBe(403);
    }
  });
});
