import { beforeAll, describe, expect, it } from "vitest";
import { assuredDateFor } from "~/directory/listing-edit-verified";
import { getDb } from "~/lib/db.server";
import { action, loader } from "~/routes/directory.import";
import { formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { args, bodyOf, ids, seedPeople, thrownResponse, type People } from "./support";

let people: People;

beforeAll(async () => {
  people = await seedPeople(getDb());
});

const HEADER = "name,organisation,description,categories,address,postcode,phone,email,url,free,attending,opening hours";
const good = [
  `Laptop club,Connect Kent CIC,Learn to use a laptop in a small group.,skills-course,"Park Wood Community Hub, Bicknor Road, Maidstone",ME15 6JQ,01632 960711,,,yes,in-person,Tue 10:00-12:00; Thu 10:00-12:00`,
  `Scam-aware sessions,Connect Kent CIC,"Spot scams by text, email and phone.",online-safety,"Town Hall, High Street, Maidstone",ME14 1LE,,scams@example.org,,yes,in-person; phone,Wed 14:00-15:30`,
];

type Preview = { error: string | null; preview: { rows: Array<{ line: number; action: string; name: string; changes: string[] }>; errors: Array<{ line: number | null; field: string | null; message: string }> } | null };

async function post(user: TestUser, fields: Record<string, string>) {
  const request = await signedInRequest("/directory/import", user, { method: "POST", body: formBody(fields) });
  try {
    return await action(args(request));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const countServices = async () => Number((await getDb().selectFrom("services").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const lineErrors = (body: Preview) => body.preview!.errors.map((e) => `${e.line ? `Line ${e.line}: ` : ""}${e.field ? `${e.field}: ` : ""}${e.message}`);

describe("CSV import", () => {
  it("is for coordinators and admins only", async () => {
    expect((await thrownResponse(loader(args(await signedInRequest("/directory/import", people.provider))))).status).toBe(403);
    expect((await thrownResponse(loader(args(await signedInRequest("/directory/import", null))))).headers.get("Location")).toMatch(/^\/login/);
    expect((await post(people.provider, { intent: "import", csv: [HEADER, ...good].join("\n") })).status).toBe(403);
    expect(((await loader(args(await signedInRequest("/directory/import", people.coordinator)))) as Response).status).toBe(200);
  });

  it("previews with line-numbered errors and writes nothing", async () => {
    const before = await countServices();
    const messagesBefore = await getDb().selectFrom("audit_log").select("id").execute();
    const csv = [
      HEADER,
      good[0],
      `Broken,Connect Kent CIC,No postcode,skills-course,"Somewhere, Maidstone",ME15,01632 960712,,,yes,in-person,`,
      `Nobody runs this,Unknown Org,Text,skills-course,,,01632 960713,,,yes,phone,`,
      `Odd hours,Connect Kent CIC,Text,not-a-category,,,01632 960714,,,yes,phone,Monday mornings`,
    ].join("\n");
    const result = await post(people.coordinator, { intent: "preview", csv });
    expect(result.status).toBe(400);
    const body = await bodyOf<Preview>(result);
    expect(lineErrors(body)).toEqual([
      "Line 3: postcode: Enter a real postcode, like ME14 1LE",
      "Line 4: organisation: No organisation called “Unknown Org”. Add it under Admin, Organisations first, or check the spelling",
      "Line 5: categories: Choose categories from the list",
      "Line 5: opening hours: Write each day and times like “Mon 09:00-17:00”; “Monday mornings” is not like that",
    ]);
    expect(body.preview!.rows.map((r) => [r.line, r.action])).toEqual([[2, "create"]]);
    expect(await countServices()).toBe(before);
    expect((await getDb().selectFrom("audit_log").select("id").execute()).length).toBe(messagesBefore.length);
  });

  it("imports nothing at all while any row is wrong, even when asked to import", async () => {
    const before = await countServices();
    const result = await post(people.coordinator, { intent: "import", csv: [HEADER, good[0], `Broken,Connect Kent CIC,x,skills-course,,,,,,yes,phone,`].join("\n") });
    expect(result.status).toBe(400);
    expect(lineErrors(await bodyOf<Preview>(result))).toEqual(["Line 3: phone: Give at least one way to get in touch: a phone number, email address or website"]);
    expect(await countServices()).toBe(before);
  });

  it("refuses rows outside the coordinator's areas", async () => {
    const csv = [HEADER, `Thanet laptops,Connect Kent CIC,Laptops in Margate.,device-loan,"Library, Cecil Square, Margate",CT9 1XX,01632 960715,,,yes,in-person,`].join("\n");
    const body = await bodyOf<Preview>(await post(people.coordinator, { intent: "preview", csv }));
    expect(lineErrors(body)).toEqual(["Line 2: area: The listing would be in Thanet, which you do not look after"]);
  });

  it("previews then writes exactly the rows, published and verified, in the right area and place", async () => {
    const csv = [HEADER, ...good].join("\n");
    const preview = await bodyOf<Preview>(await post(people.coordinator, { intent: "preview", csv }));
    expect(preview.preview!.errors).toEqual([]);
    expect(preview.preview!.rows.map((r) => [r.line, r.action, r.name])).toEqual([
      [2, "create", "Laptop club"],
      [3, "create", "Scam-aware sessions"],
    ]);
    const before = await countServices();
    const result = await post(people.coordinator, { intent: "import", csv });
    expect(result.headers.get("Location")).toBe("/directory/import?created=2&updated=0&unchanged=0");
    expect(await countServices()).toBe(before + 2);
    const club = await getDb().selectFrom("services").selectAll().where("name", "=", "Laptop club").executeTakeFirstOrThrow();
    expect(club).toMatchObject({ organisation_id: ids.connectKent, area_id: ids.maidstone, published: 1, status: "active", assured_date: assuredDateFor(new Date()), fees_description: "Free" });
    const place = await getDb()
      .selectFrom("service_at_locations")
      .innerJoin("locations", "locations.id", "service_at_locations.location_id")
      .select(["locations.address_1", "locations.postal_code", "locations.latitude", "service_at_locations.id"])
      .where("service_at_locations.service_id", "=", club.id)
      .executeTakeFirstOrThrow();
    // ME15 6JQ is in the embedded postcode data, so its place comes from there.
    expect(place).toMatchObject({ address_1: "Park Wood Community Hub", postal_code: "ME15 6JQ", latitude: 51.27346 });
    const hours = await getDb().selectFrom("schedules").select(["byday", "opens_at", "closes_at"]).where("service_at_location_id", "=", place.id).execute();
    expect(hours).toEqual([{ byday: "TU,TH", opens_at: "10:00", closes_at: "12:00" }]);
  });

  it("updates a listing whose name and organisation match, changing only the columns given, and says when nothing changes", async () => {
    const header = "name,organisation,description,categories";
    const csv = [header, `Laptop club,Connect Kent CIC,Learn to use a laptop in a small friendly group.,skills-course`, `Scam-aware sessions,Connect Kent CIC,"Spot scams by text, email and phone.",online-safety`].join("\n");
    const preview = await bodyOf<Preview>(await post(people.coordinator, { intent: "preview", csv }));
    expect(preview.preview!.rows.map((r) => [r.action, r.changes])).toEqual([
      ["update", ["Description"]],
      ["unchanged", []],
    ]);
    const before = await countServices();
    const result = await post(people.coordinator, { intent: "import", csv });
    expect(result.headers.get("Location")).toBe("/directory/import?created=0&updated=1&unchanged=1");
    expect(await countServices()).toBe(before);
    const club = await getDb().selectFrom("services").selectAll().where("name", "=", "Laptop club").executeTakeFirstOrThrow();
    expect(club.description).toBe("Learn to use a laptop in a small friendly group.");
    const phones = await getDb().selectFrom("phones").select("number").where("service_id", "=", club.id).execute();
    expect(phones).toEqual([{ number: "01632 960711" }]);
  });

  it("reports the same listing twice in one file", async () => {
    const body = await bodyOf<Preview>(await post(people.coordinator, { intent: "preview", csv: [HEADER, good[0], good[0]].join("\n") }));
    expect(lineErrors(body)).toEqual(["Line 3: name: Line 2 already has a listing with this name for Connect Kent CIC"]);
  });

  it("asks for a file or rows when given neither", async () => {
    const result = await post(people.coordinator, { intent: "preview", csv: "  " });
    expect(result.status).toBe(400);
    expect((await bodyOf<Preview>(result)).error).toBe("Choose a CSV file or paste the rows");
  });

  it("reads an uploaded file and refuses one over 2 MB", async () => {
    const upload = async (content: string) => {
      const form = new FormData();
      form.append("intent", "preview");
      form.append("file", new File([content], "services.csv", { type: "text/csv" }));
      form.append("csv", "");
      return action(args(await signedInRequest("/directory/import", people.coordinator, { method: "POST", body: form })));
    };
    const ok = await bodyOf<Preview>(await upload([HEADER, good[0].replace("Laptop club", "Laptop club 2")].join("\n")));
    expect(ok.preview!.rows.map((r) => r.name)).toEqual(["Laptop club 2"]);
    const tooBig = (await upload(`${HEADER}\n${"x".repeat(2 * 1024 * 1024 + 10)}`)) as Response;
    expect(tooBig.status).toBe(400);
    expect((await bodyOf<Preview>(tooBig)).error).toBe("The file must be 2 MB or smaller. Split it into smaller files.");
  });
});
