import { describe, expect, it } from "vitest";
import { readFormData } from "~/lib/forms";

function post(body: string, contentType: string): Request {
  return new Request("http://localhost/check/q/goals", { method: "POST", body, headers: { "Content-Type": contentType } });
}

describe("readFormData", () => {
  it("reads an ordinary form post", async () => {
    const form = await readFormData(post("answer=health&answer=money", "application/x-www-form-urlencoded"));
    expect(form.getAll("answer")).toEqual(["health", "money"]);
  });

  it.each([
    ["JSON", '{"answer":"health"}', "application/json"],
    ["a broken upload", "--nope\r\nnot really multipart", "multipart/form-data; boundary=elsewhere"],
  ])("answers %s with a 400 that says what to do, not a crash", async (_name, body, contentType) => {
    const thrown = await readFormData(post(body, contentType)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(400);
    await expect(response.text()).resolves.toMatch(/could not read what was sent/);
  });
});
