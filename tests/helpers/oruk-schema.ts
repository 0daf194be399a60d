/**
 * Validates JSON against the Open Referral UK 3.0 schemata (copied into tests/fixtures/oruk so
 * the tests need nothing outside the repository). The schemata carry Frictionless Data keywords
 * (constraints, datapackage_type, core…) that are not JSON Schema, so ajv runs non-strict.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export const ORUK_FIXTURES = fileURLToPath(new URL("../fixtures/oruk/3.0", import.meta.url));
const SCHEMATA = path.join(ORUK_FIXTURES, "schemata");

export type OrukSchemaName =
  | "service"
  | "service_at_location"
  | "organization"
  | "location"
  | "taxonomy"
  | "taxonomy_term"
  | "schedule";

let ajv: Ajv | undefined;

function getAjv(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of fs.readdirSync(SCHEMATA).filter((f) => f.endsWith(".json"))) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMATA, file), "utf8"));
    // The schemata refer to each other by file name ("$ref": "schedule.json").
    ajv.addSchema({ ...schema, $id: file });
  }
  // The paged envelope from openapi.json (components.schemas.Page) plus its contents.
  ajv.addSchema({
    $id: "page.json",
    type: "object",
    required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    properties: {
      total_items: { type: "integer", minimum: 0 },
      total_pages: { type: "integer", minimum: 0 },
      page_number: { type: "integer", minimum: 1 },
      size: { type: "integer", minimum: 1 },
      first_page: { type: "boolean" },
      last_page: { type: "boolean" },
      empty: { type: "boolean" },
      contents: { type: "array" },
    },
  });
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""}`.trim()).join("; ");
}

/** Problems with `data` as an ORUK `name`; an empty list when it is valid. */
export function orukErrors(name: OrukSchemaName, data: unknown): string[] {
  const validate = getAjv().getSchema(`${name}.json`) as ValidateFunction;
  return validate(data) ? [] : [describe(validate.errors)];
}

/** Problems with `data` as an ORUK paged envelope whose contents are each a `name`. */
export function orukPageErrors(name: OrukSchemaName, data: unknown): string[] {
  const validatePage = getAjv().getSchema("page.json") as ValidateFunction;
  if (!validatePage(data)) return [describe(validatePage.errors)];
  const contents = (data as { contents: unknown[] }).contents;
  return contents.flatMap((item, i) => orukErrors(name, item).map((e) => `contents[${i}]: ${e}`));
}
