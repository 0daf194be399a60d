/**
 * What one ORUK service looks like once imported: its own row and the ids of every row the
 * import writes beside it (oruk-import-write.server.ts). A service is whole when what is stored
 * matches one version of the record exactly; anything else is a half-written import.
 */
import type { Kysely } from "kysely";
import { orukServiceSchema, type OrukServiceRecord } from "~/directory/oruk-import-schema";
import { recordDigest } from "~/directory/oruk-import-write.server";
import type { Db } from "~/lib/db.server";

export interface ServiceShape {
  description: string;
  digest: string | null;
  children: Record<string, string[]>;
}

const sorted = (ids: string[]) => [...ids].sort();

/** The shape the import should leave for a record as the feed sends it. */
export function expectedShape(raw: unknown): ServiceShape {
  const record: OrukServiceRecord = orukServiceSchema.parse(raw);
  const locations = record.service_at_locations.map((s) => s.location);
  return {
    description: record.description ?? "",
    digest: recordDigest(record),
    children: {
      phones: sorted(record.phones.map((p) => p.id)),
      schedules: sorted(record.schedules.map((s) => s.id)),
      service_areas: sorted(record.service_areas.map((a) => a.id)),
      languages: sorted(record.languages.map((l) => l.id)),
      funding: sorted(record.funding.map((f) => f.id)),
      cost_options: sorted(record.cost_options.map((c) => c.id)),
      contacts: sorted(record.contacts.map((c) => c.id)),
      contact_phones: sorted(record.contacts.flatMap((c) => c.phones.map((p) => p.id))),
      attributes: sorted(record.attributes.map((a) => a.id)),
      service_at_locations: sorted(record.service_at_locations.map((s) => s.id)),
      location_schedules: sorted(record.service_at_locations.flatMap((s) => s.schedules.map((x) => x.id))),
      locations: sorted(locations.map((l) => l.id)),
      accessibility: sorted(locations.flatMap((l) => l.accessibility.map((a) => a.id))),
    },
  };
}

/** The shape stored for service `id`, or undefined if there is no such service. */
export async function storedShape(db: Db, id: string): Promise<ServiceShape | undefined> {
  const service = await db.selectFrom("services").select(["description", "source_digest"]).where("id", "=", id).executeTakeFirst();
  if (!service) return undefined;
  const ids = async (query: Promise<Array<{ id: string }>>) => sorted((await query).map((r) => r.id));
  // Every table here has an id and a service_id; Kysely cannot see that through a union of names.
  const byService = db as unknown as Kysely<Record<string, { id: string; service_id: string }>>;
  const by = (table: string) => ids(byService.selectFrom(table).select("id").where("service_id", "=", id).execute());
  const contacts = await by("contacts");
  const sal = await db.selectFrom("service_at_locations").select(["id", "location_id"]).where("service_id", "=", id).execute();
  const locationIds = sal.map((s) => s.location_id);
  const inList = (values: string[]) => (values.length ? values : [""]);
  return {
    description: service.description,
    digest: service.source_digest,
    children: {
      phones: await by("phones"),
      schedules: await by("schedules"),
      service_areas: await by("service_areas"),
      languages: await by("languages"),
      funding: await by("funding"),
      cost_options: await by("cost_options"),
      contacts,
      contact_phones: await ids(db.selectFrom("phones").select("id").where("contact_id", "in", inList(contacts)).execute()),
      attributes: await ids(db.selectFrom("attributes").select("id").where("link_id", "=", id).execute()),
      service_at_locations: sorted(sal.map((s) => s.id)),
      location_schedules: await ids(db.selectFrom("schedules").select("id").where("service_at_location_id", "in", inList(sal.map((s) => s.id))).execute()),
      locations: await ids(db.selectFrom("locations").select("id").where("id", "in", inList(locationIds)).execute()),
      accessibility: await ids(db.selectFrom("accessibility").select("id").where("location_id", "in", inList(locationIds)).execute()),
    },
  };
}
