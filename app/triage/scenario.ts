import { z } from "zod";
import { BARRIER_IDS, EDS_LEVELS, INCLUSION_SCALE } from "~/lib/frameworks";
import { slug } from "./content-schema";

/**
 * A persona with the answers they would give and what the triage should make of them. Scenarios
 * run as tests, and double as worked examples for champion training.
 */
export const scenarioFileSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    persona: z.string().min(1),
    mode: z.enum(["self", "assisted"]),
    answers: z.record(
      slug,
      z.union([z.string(), z.array(z.string()), z.number(), z.object({ skipped: z.literal(true) }).strict()]),
    ),
    expect: z
      .object({
        /** Barriers not listed must come out as "none". */
        barriers: z.record(z.enum(BARRIER_IDS), z.enum(["some", "high"])),
        level: z.enum(EDS_LEVELS.map((l) => l.id) as [string, ...string[]]),
        inclusion: z.number().int().min(1).max(INCLUSION_SCALE.length),
        /** The ids of the first steps of the plan, in order. */
        firstSteps: z.array(slug).min(1),
        notAsked: z.array(slug).optional(),
      })
      .strict(),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioFileSchema>;
