/**
 * `npm run i18n:report`: checks every translation as start-up does, and lists, language by
 * language, each key still shown in English. Exits 1 if a language claims a part it lacks.
 */
import { getTranslationReports } from "~/i18n/i18n.server";
import { describeReports } from "~/i18n/report";

try {
  for (const line of describeReports(getTranslationReports(), { detail: true })) console.log(line);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
