import type { ZodError, ZodIssue } from "zod";

export class DirectoryContentError extends Error {
  override name = "DirectoryContentError";
}

/**
 * One line per problem, naming the file, the item by its id (not its position, which nobody
 * editing YAML counts) and the field: `content/directory/services/thanet.yaml: services
 * "margate-library-drop-in", field locations.0.schedules.1.byday: Invalid ...`.
 */
export function describeIssues(file: string, data: unknown, error: ZodError): string[] {
  return error.issues.map((issue) => describeIssue(file, data, issue));
}

function describeIssue(file: string, data: unknown, issue: ZodIssue): string {
  let node: unknown = data;
  let item: string | undefined;
  let fieldStart = 0;
  for (let i = 0; i < issue.path.length; i++) {
    const key = issue.path[i];
    node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    if (item === undefined && typeof key === "number") {
      const id = node !== null && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
      item = `${String(issue.path[i - 1] ?? "item")} "${typeof id === "string" ? id : `#${key + 1}`}"`;
      fieldStart = i + 1;
    }
  }
  const field = issue.path.slice(fieldStart).join(".") || "(whole item)";
  return `${file}: ${item ? `${item}, ` : ""}field ${field}: ${issue.message}`;
}

export function throwContentErrors(what: string, problems: string[]): never {
  throw new DirectoryContentError(`Invalid ${what}:\n${problems.join("\n")}`);
}
