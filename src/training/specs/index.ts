import type { ModelSpec } from "../model-spec"

/** The model kinds a training job trains, in order (cheap and foundational first). */
export function defaultModelSpecs(): Array<ModelSpec<unknown>> {
  return []
}
