import fs from "node:fs";

/** Debian's Chromium (or CHROME_PATH); the tests never download a browser. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      "Chromium was not found. Install Debian's package with `sudo apt-get update && sudo apt-get install -y chromium`, " +
        "or set CHROME_PATH to a Chromium or Chrome binary.",
    );
  }
  return found;
}
