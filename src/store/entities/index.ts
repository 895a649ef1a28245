import { RecoActorAlias } from "./reco-actor-alias.entity"
import { RecoActorList } from "./reco-actor-list.entity"
import { RecoCartSnapshot } from "./reco-cart-snapshot.entity"
import { RecoCheckpoint } from "./reco-checkpoint.entity"
import { RecoEvent } from "./reco-event.entity"
import { RecoItemNeighbor } from "./reco-item-neighbor.entity"
import { RecoMerchantRule } from "./reco-merchant-rule.entity"
import { RecoModelArtifact } from "./reco-model-artifact.entity"
import { RecoModelRun } from "./reco-model-run.entity"
import { RecoProduct } from "./reco-product.entity"
import { RecoSegmentList } from "./reco-segment-list.entity"
import { RecoServedRecommendation } from "./reco-served-recommendation.entity"
import { RecoSetting } from "./reco-setting.entity"

export {
  RecoActorAlias,
  RecoActorList,
  RecoCartSnapshot,
  RecoCheckpoint,
  RecoEvent,
  RecoItemNeighbor,
  RecoMerchantRule,
  RecoModelArtifact,
  RecoModelRun,
  RecoProduct,
  RecoSegmentList,
  RecoServedRecommendation,
  RecoSetting,
}

export const RECO_ENTITIES = [
  RecoActorAlias,
  RecoActorList,
  RecoCartSnapshot,
  RecoCheckpoint,
  RecoEvent,
  RecoItemNeighbor,
  RecoMerchantRule,
  RecoModelArtifact,
  RecoModelRun,
  RecoProduct,
  RecoSegmentList,
  RecoServedRecommendation,
  RecoSetting,
]
