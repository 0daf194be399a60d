/**
 * Loads content/directory: partnership.yaml (areas, districts, partner organisations) and
 * services/*.yaml (demo listings). Each file is checked on its own, then across files, and every
 * problem is reported at once with the file, item id and field at fault.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { ZodTypeAny, z } from "zod";
import { contentPath } from "~/lib/content-path.server";
import { describeIssues, throwContentErrors } from "./content-error";
import {
  partnershipSchema,
  servicesFileSchema,
  type ContentLocation,
  type ContentService,
  type Partnership,
} from "./content-schema";

export const DIRECTORY_DIR = contentPath("directory");

export interface DirectoryContent {
  partnership: Partnership;
  locations: Map<string, ContentLocation>;
  /** Every demo service with the area slug it belongs to (null: national, online or phone). */
  services: Array<ContentService & { area: string | null; file: string }>;
}

function readYaml<S extends ZodTypeAny>(
  absolute: string,
  schema: S,
  problems: string[],
): { data: z.infer<S>; file: string } | undefined {
  const file = path.relative(process.cwd(), absolute);
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(absolute, "utf8"));
  } catch (error) {
    problems.push(`${file}: not valid YAML: ${(error as Error).message}`);
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    problems.push(...describeIssues(file, raw, result.error));
    return undefined;
  }
  return { data: result.data, file };
}

export function loadDirectoryContent(dir: string = DIRECTORY_DIR): DirectoryContent {
  const problems: string[] = [];
  const partnershipFile = readYaml(path.join(dir, "partnership.yaml"), partnershipSchema, problems);
  const servicesDir = path.join(dir, "services");
  const serviceFiles = fs
    .readdirSync(servicesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readYaml(path.join(servicesDir, f), servicesFileSchema, problems));
  if (!partnershipFile || problems.length > 0) throwContentErrors("directory content", problems);

  const partnership = partnershipFile.data;
  const areas = new Map(partnership.areas.map((a) => [a.id, a]));
  const organisations = new Set<string>();
  for (const org of partnership.organisations) {
    if (organisations.has(org.id)) problems.push(`${partnershipFile.file}: organisations "${org.id}", field id: appears more than once`);
    organisations.add(org.id);
    for (const area of org.areas) {
      if (!areas.has(area)) problems.push(`${partnershipFile.file}: organisations "${org.id}", field areas: no area "${area}"`);
    }
  }

  const locations = new Map<string, ContentLocation>();
  const services: DirectoryContent["services"] = [];
  const serviceIds = new Set<string>();
  for (const entry of serviceFiles) {
    if (!entry) continue;
    const { data, file } = entry;
    const area = data.area === null ? undefined : areas.get(data.area);
    if (data.area !== null && !area) problems.push(`${file}: field area: no area "${data.area}" in partnership.yaml`);
    for (const location of data.locations) {
      if (locations.has(location.id)) problems.push(`${file}: locations "${location.id}", field id: appears more than once`);
      const outward = location.postcode.split(" ")[0];
      if (area && !area.districts.includes(outward)) {
        problems.push(`${file}: locations "${location.id}", field postcode: ${outward} is not a district of ${area.name}`);
      }
      locations.set(location.id, location);
    }
    for (const service of data.services) {
      if (serviceIds.has(service.id)) problems.push(`${file}: services "${service.id}", field id: appears more than once`);
      serviceIds.add(service.id);
      if (!organisations.has(service.organisation)) {
        problems.push(`${file}: services "${service.id}", field organisation: no organisation "${service.organisation}" in partnership.yaml`);
      }
      services.push({ ...service, area: data.area, file });
    }
  }
  for (const service of services) {
    service.locations.forEach((link, i) => {
      if (!locations.has(link.location)) {
        problems.push(`${service.file}: services "${service.id}", field locations.${i}.location: no location "${link.location}"`);
      }
    });
  }
  if (problems.length > 0) throwContentErrors("directory content", problems);
  return { partnership, locations, services };
}
