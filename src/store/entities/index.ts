import { RecoActorAlias } from "./reco-actor-alias.entity"
import { RecoActorList } from "./reco-actor-list.entity"
import { RecoAttribution } from "./reco-attribution.entity"
import { RecoCartSnapshot } from "./reco-cart-snapshot.entity"
import { RecoCheckpoint } from "./reco-checkpoint.entity"
import { RecoCoverageDaily } from "./reco-coverage-daily.entity"
import { RecoEvent } from "./reco-event.entity"
import { RecoExperiment } from "./reco-experiment.entity"
import { RecoItemNeighbor } from "./reco-item-neighbor.entity"
import { RecoMerchantRule } from "./reco-merchant-rule.entity"
import { RecoMetricDaily } from "./reco-metric-daily.entity"
import { RecoMetricRevenueDaily } from "./reco-metric-revenue-daily.entity"
import { RecoModelArtifact } from "./reco-model-artifact.entity"
import { RecoModelRun } from "./reco-model-run.entity"
import { RecoOrderDaily } from "./reco-order-daily.entity"
import { RecoOrderOutcome } from "./reco-order-outcome.entity"
import { RecoProduct } from "./reco-product.entity"
import { RecoSegmentList } from "./reco-segment-list.entity"
import { RecoServedRecommendation } from "./reco-served-recommendation.entity"
import { RecoSetting } from "./reco-setting.entity"

export {
  RecoActorAlias,
  RecoActorList,
  RecoAttribution,
  RecoCartSnapshot,
  RecoCheckpoint,
  RecoCoverageDaily,
  RecoEvent,
  RecoExperiment,
  RecoItemNeighbor,
  RecoMerchantRule,
  RecoMetricDaily,
  RecoMetricRevenueDaily,
  RecoModelArtifact,
  RecoModelRun,
  RecoOrderDaily,
  RecoOrderOutcome,
  RecoProduct,
  RecoSegmentList,
  RecoServedRecommendation,
  RecoSetting,
}

export const RECO_ENTITIES = [
  RecoActorAlias,
  RecoActorList,
  RecoAttribution,
  RecoCartSnapshot,
  RecoCheckpoint,
  RecoCoverageDaily,
  RecoEvent,
  RecoExperiment,
  RecoItemNeighbor,
  RecoMerchantRule,
  RecoMetricDaily,
  RecoMetricRevenueDaily,
  RecoModelArtifact,
  RecoModelRun,
  RecoOrderDaily,
  RecoOrderOutcome,
  RecoProduct,
  RecoSegmentList,
  RecoServedRecommendation,
  RecoSetting,
]
