/**
 * Prepares what the Remix compiler cannot: compiles the Sass stylesheet (govuk-frontend is
 * configured through Sass variables, which is the only way to drop GDS Transport), and copies
 * the govuk-frontend script and our own icons into build/client/assets.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = fileURLToPath(new URL("..", import.meta.url));
const from = (...p: string[]) => path.join(root, ...p);

const css = sass.compile(from("app/styles/waymark.scss"), {
  loadPaths: [from("node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions", "slash-div"],
});
fs.writeFileSync(from("app/styles/waymark.css"), css.css);

const assets = from("build/client/assets");
fs.mkdirSync(assets, { recursive: true });
fs.copyFileSync(from("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js"), path.join(assets, "govuk-frontend.min.js"));
for (const file of fs.readdirSync(from("app/assets"))) {
  fs.copyFileSync(from("app/assets", file), path.join(assets, file));
}
console.log(`Stylesheet ${(css.css.length / 1024).toFixed(1)} KB; assets copied to build/client/assets`);
