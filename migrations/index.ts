import { CreateRecoSchema1764381600000 } from "./1764381600000-CreateRecoSchema"
import { AddCatalogMirrorAndSegmentLists1764388800000 } from "./1764388800000-AddCatalogMirrorAndSegmentLists"
import { AddModelArtifactsAndSessionNeighbors1764396000000 } from "./1764396000000-AddModelArtifactsAndSessionNeighbors"
import { AddModelBlobs1764403200000 } from "./1764403200000-AddModelBlobs"
import { AddMerchantRules1764410400000 } from "./1764410400000-AddMerchantRules"
import { AddSettings1764414000000 } from "./1764414000000-AddSettings"
import { AddAttributionAndMetrics1764417600000 } from "./1764417600000-AddAttributionAndMetrics"
import { AddExperiments1764421200000 } from "./1764421200000-AddExperiments"

/** Every migration in order. Listed explicitly so the same code runs from TypeScript and the build. */
export const RECO_MIGRATIONS = [
  CreateRecoSchema1764381600000,
  AddCatalogMirrorAndSegmentLists1764388800000,
  AddModelArtifactsAndSessionNeighbors1764396000000,
  AddModelBlobs1764403200000,
  AddMerchantRules1764410400000,
  AddSettings1764414000000,
  AddAttributionAndMetrics1764417600000,
  AddExperiments1764421200000,
]
