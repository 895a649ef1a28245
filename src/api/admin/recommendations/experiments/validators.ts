import { z } from "@medusajs/framework/zod"
import { PLACEMENTS } from "../../../../serving/placements/placement-context"
import { EXPERIMENT_STRATEGIES, type ExperimentStrategy } from "../../../../store/entities/reco-experiment.entity"

/** recently_viewed has no model to compare: it shows the shopper's own views. */
export const EXPERIMENT_PLACEMENTS = PLACEMENTS.filter((p) => p !== "recently_viewed") as [
  Exclude<(typeof PLACEMENTS)[number], "recently_viewed">,
  ...Array<Exclude<(typeof PLACEMENTS)[number], "recently_viewed">>,
]
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const Arm = z
  .object({
    name: z
      .string({ error: "arm name is required" })
      .trim()
      .min(1, "arm name is required")
      .max(64, "arm name is at most 64 characters"),
    traffic: z
      .number({ error: "traffic must be a number (percent)" })
      .min(0, "traffic must be 0 to 100")
      .max(100, "traffic must be 0 to 100")
      // A refinement, not .int(): Medusa reports a failed .int() inside an array as a missing field.
      .refine(Number.isInteger, "traffic must be a whole percent"),
    // A custom check, not z.enum: Medusa reports a bad value inside an array as a missing field.
    strategy: z.custom<ExperimentStrategy>((v) => (EXPERIMENT_STRATEGIES as readonly unknown[]).includes(v), {
      message: `strategy must be one of ${EXPERIMENT_STRATEGIES.join(", ")}`,
    }),
    model_run_id: z.string().regex(UUID, "model_run_id must be a model run id (uuid)").optional(),
    blend_weight: z
      .number({ error: "blend_weight must be a number" })
      .min(0, "blend_weight must be 0 to 1")
      .max(1, "blend_weight must be 0 to 1")
      .optional(),
  })
  .strict()
  .superRefine((arm, ctx) => {
    if (arm.strategy === "model_run" && !arm.model_run_id) {
      ctx.addIssue({ code: "custom", path: ["model_run_id"], message: `model_run_id is required for arm ${arm.name} (strategy model_run)` })
    }
    if (arm.strategy !== "model_run" && arm.model_run_id !== undefined) {
      ctx.addIssue({ code: "custom", path: ["model_run_id"], message: `model_run_id is only for strategy model_run (arm ${arm.name})` })
    }
    if (arm.strategy !== "blend" && arm.blend_weight !== undefined) {
      ctx.addIssue({ code: "custom", path: ["blend_weight"], message: `blend_weight is only for strategy blend (arm ${arm.name})` })
    }
  })

export const AdminCreateExperiment = z
  .object({
    name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(200, "name is at most 200 characters"),
    placement: z.enum(EXPERIMENT_PLACEMENTS, { error: `placement must be one of ${EXPERIMENT_PLACEMENTS.join(", ")}` }),
    arms: z
      .array(Arm, { error: "arms must be a list of arms" })
      .min(2, "arms must have at least 2 arms")
      .max(10, "arms must have at most 10 arms"),
  })
  .strict()
  .superRefine((body, ctx) => {
    const names = body.arms.map((a) => a.name)
    const repeated = names.filter((n, i) => names.indexOf(n) !== i)
    if (repeated.length > 0) {
      ctx.addIssue({ code: "custom", path: ["arms"], message: `arms names must be unique (repeated: ${[...new Set(repeated)].join(", ")})` })
    }
    const total = body.arms.reduce((s, a) => s + a.traffic, 0)
    if (total !== 100) ctx.addIssue({ code: "custom", path: ["arms"], message: `arms traffic must sum to 100, got ${total}` })
  })
export type AdminCreateExperimentType = z.infer<typeof AdminCreateExperiment>

export const AdminListExperimentsParams = z
  .object({
    status: z.enum(["running", "stopped"], { error: "status must be running or stopped" }).optional(),
    limit: z.coerce.number().int().min(1, "limit must be 1 to 100").max(100, "limit must be 1 to 100").default(20),
    offset: z.coerce.number().int().min(0, "offset must be 0 or more").default(0),
  })
  .strict()
export type AdminListExperimentsParamsType = z.infer<typeof AdminListExperimentsParams>

export const AdminPromoteExperiment = z
  .object({ arm: z.string({ error: "arm is required" }).trim().min(1, "arm is required").max(64, "arm is at most 64 characters") })
  .strict()
export type AdminPromoteExperimentType = z.infer<typeof AdminPromoteExperiment>

/** Plugin rows have uuid ids: anything else cannot exist (and Postgres would refuse it with an error). */
export function isExperimentId(id: string): boolean {
  return UUID.test(id)
}
