import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { todayInUk } from "~/knowledge/people-helped";
import { getDb } from "~/lib/db.server";
import { loader as listLoader } from "~/routes/people-helped._index";
import { action as logAction, loader as formLoader } from "~/routes/people-helped.new";
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

const valid = { date: todayInUk(), place: "Margate library", outwardCode: "ct9", barriers: ["skills", "confidence"], whatHelped: "Set up email", minutesChoice: "30" };

async function post(user: TestUser | null, fields: Record<string, string | string[]>) {
  return logAction(args(await signedInRequest("/people-helped/new", user, { method: "POST", body: formBody(fields) })));
}

async function errorsFor(user: TestUser, fields: Record<string, string | string[]>) {
  const response = (await post(user, fields)) as Response;
  expect(response.status).toBe(400);
  return (await response.json()) as { errors: Record<string, string>; values: Record<string, string | string[]> };
}

let champion: TestUser;
let area: string;

beforeAll(async () => {
  area = await createTestArea(getDb(), undefined, ["CT9"]);
  champion = await createTestUser(getDb(), { role: "champion", areaIds: [area] });
});

describe("logging a person helped", () => {
  it("needs sign-in and the people-helped permission", async () => {
    const out = await thrownResponse(post(null, valid));
    expect(out.headers.get("location")).toContain("/login");
    const provider = await createTestUser(getDb(), { role: "provider" });
    expect((await thrownResponse(formLoader(args(await signedInRequest("/people-helped/new", provider))))).status).toBe(403);
    expect((await thrownResponse(post(provider, valid))).status).toBe(403);
    expect((await thrownResponse(listLoader(args(await signedInRequest("/people-helped", provider))))).status).toBe(403);
  });

  it("saves a valid entry, places it in the postcode's area, and confirms on the log", async () => {
    const response = (await post(champion, valid)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/people-helped?logged=1");
    const row = await getDb().selectFrom("people_helped").selectAll().where("user_id", "=", champion.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ place: "Margate library", outward_code: "CT9", area_id: area, minutes: 30, helped_on: todayInUk(), organisation_id: champion.organisationId });
    expect(JSON.parse(row.barriers)).toEqual(["skills", "confidence"]);

    const list = await dataOf(listLoader(args(await signedInRequest("/people-helped?logged=1", champion))));
    expect(list.logged).toBe(true);
    expect(list.entries[0]).toMatchObject({ place: "Margate library", barriers: ["Digital skills", "Confidence and trust"], minutes: 30 });
    state.loaderData = list;
    const { default: Page } = await import("~/routes/people-helped._index");
    expect(renderToString(<Page />)).toContain("govuk-notification-banner--success");
  });

  it("offers today's date and the last place used", async () => {
    const data = await dataOf(formLoader(args(await signedInRequest("/people-helped/new", champion))));
    expect(data).toEqual({ today: todayInUk(), lastPlace: "Margate library" });
  });

  it("takes the time typed in the box over the preset", async () => {
    const staff = await createTestUser(getDb(), { role: "staff" });
    await post(staff, { ...valid, minutesChoice: "30", minutesOther: "45" });
    await post(staff, { ...valid, minutesChoice: "", minutesOther: "50", outwardCode: "" });
    const rows = await getDb().selectFrom("people_helped").select(["minutes", "area_id"]).where("user_id", "=", staff.id).orderBy("minutes").execute();
    // A postcode district decides the area; without one, the entry goes to the staff member's only area.
    expect(rows).toEqual([
      { minutes: 45, area_id: area },
      { minutes: 50, area_id: staff.areaIds[0] },
    ]);
  });

  it.each([
    ["a missing date", { date: "" }, "date", "Enter the date you helped"],
    ["a date in the future", { date: "2999-01-01" }, "date", "The date must be today or in the past"],
    ["an impossible date", { date: "2026-02-30" }, "date", "Enter a real date"],
    ["a date over a year ago", { date: "2000-01-01" }, "date", "The date must be within the last year"],
    ["no place", { place: "  " }, "place", "Enter where you helped, for example the library's name"],
    ["a place that is too long", { place: "x".repeat(121) }, "place", "Place must be 120 characters or fewer"],
    ["a full postcode", { outwardCode: "CT9 1AB" }, "outwardCode", "Enter the first part of a postcode only, like PR1"],
    ["a made-up barrier", { barriers: ["skills", "<script>"] }, "barriers", "Select barriers from the list"],
    ["no time at all", { minutesChoice: "" }, "minutesChoice", "Enter the time you spent, in minutes"],
    ["a time that is not a number", { minutesOther: "ten" }, "minutesOther", "Enter the time you spent as a number of minutes"],
    ["too long a time", { minutesOther: "481" }, "minutesOther", "Time spent must be between 1 and 480 minutes"],
    ["a forged preset", { minutesChoice: "9999" }, "minutesChoice", "Enter the time you spent, in minutes"],
  ])("refuses %s with a message beside the field, keeping what was typed", async (_, change, field, message) => {
    const body = await errorsFor(champion, { ...valid, ...change });
    expect(body.errors).toEqual({ [field]: message });
    expect(body.values.place).toBe((change as { place?: string }).place ?? valid.place);
  });

  it("re-shows the form with an error summary linking to each field, and nothing typed lost", async () => {
    const fields = { ...valid, date: "", minutesChoice: "15", minutesOther: "ten", whatHelped: "Showed the NHS App" };
    const body = await errorsFor(champion, fields);
    expect(Object.keys(body.errors)).toEqual(["date", "minutesOther"]);
    state.loaderData = { today: todayInUk(), lastPlace: "" };
    state.actionData = body;
    const { default: Form } = await import("~/routes/people-helped.new");
    const html = renderToString(<Form />);
    expect(html).toContain('href="#date"');
    expect(html).toContain('href="#minutesOther"');
    expect(html).toContain('value="Showed the NHS App"');
    expect(html).toContain('value="ten"');
    expect(html).toMatch(/<input[^>]*name="barriers"[^>]*checked=""[^>]*value="skills"/);
    expect(html).toMatch(/<input[^>]*name="minutesChoice"[^>]*checked=""[^>]*value="15"/);
  });
});

describe("the people-helped log", () => {
  it("shows a champion only their own entries, newest first, a page at a time", async () => {
    const db = getDb();
    const me = await createTestUser(db, { role: "champion", areaIds: [area] });
    const colleague = await createTestUser(db, { role: "champion", organisationId: me.organisationId, areaIds: [area] });
    await post(colleague, { ...valid, place: "Colleague's café" });
    const base = new Date(`${todayInUk()}T12:00:00Z`);
    for (let i = 0; i < 22; i++) {
      const day = new Date(base.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      await post(me, { ...valid, date: day, place: `Place ${i}` });
    }
    const first = await dataOf(listLoader(args(await signedInRequest("/people-helped", me))));
    expect(first.entries).toHaveLength(20);
    expect(first.entries[0].place).toBe("Place 0");
    expect(first.totalPages).toBe(2);
    expect(first.logged).toBe(false);
    const second = await dataOf(listLoader(args(await signedInRequest("/people-helped?page=2", me))));
    expect(second.entries.map((e) => e.place)).toEqual(["Place 20", "Place 21"]);
    const all = [...first.entries, ...second.entries].map((e) => e.place);
    expect(all).not.toContain("Colleague's café");
    const silly = await dataOf(listLoader(args(await signedInRequest("/people-helped?page=abc&logged=yes", me))));
    expect(silly).toMatchObject({ page: 1, logged: false });
  });
});
