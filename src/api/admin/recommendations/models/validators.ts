import { z } from "@medusajs/framework/zod"
import { TRAINING_MODES } from "../../../../queue/training-jobs"
import { MODEL_RUN_STATUSES } from "../../../../store/entities/reco-model-run.entity"
import { adminPagination } from "../../../utils/request-params"

export const AdminListModelRunsParams = z
  .object({
    kind: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, "kind must be a model kind such as for_you").optional(),
    status: z.enum(MODEL_RUN_STATUSES, { error: `status must be one of ${MODEL_RUN_STATUSES.join(", ")}` }).optional(),
    ...adminPagination,
  })
  .strict()
export type AdminListModelRunsParamsType = z.infer<typeof AdminListModelRunsParams>

export const AdminRetrainBody = z
  .object({ mode: z.enum(TRAINING_MODES, { error: `mode must be one of ${TRAINING_MODES.join(", ")}` }).default("full") })
  .strict()
export type AdminRetrainBodyType = z.infer<typeof AdminRetrainBody>
