import path from "node:path";

/**
 * Content files ship beside the app, not inside the build, so they are found from the project
 * root (the working directory of `npm start`, tests and scripts).
 */
export function contentPath(...segments: string[]): string {
  return path.resolve(process.cwd(), "content", ...segments);
}
