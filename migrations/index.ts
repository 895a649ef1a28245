import { CreateRecoSchema1764381600000 } from "./1764381600000-CreateRecoSchema"

/** Every migration in order. Listed explicitly so the same code runs from TypeScript and the build. */
export const RECO_MIGRATIONS = [CreateRecoSchema1764381600000]
