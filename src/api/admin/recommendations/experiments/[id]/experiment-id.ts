import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isExperimentId } from "../validators"

/** The path's experiment id; a malformed one is a 404 like an unknown one. */
export function experimentId(req: MedusaRequest): string {
  const id = req.params.id ?? ""
  if (!isExperimentId(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Experiment with id ${id} was not found`)
  return id
}
