// Types of the admin API contract (docs/admin-api.md). The dashboard uses only these routes.

export type Money = { currency_code: string; amount: number }

export type Paginated = { count: number; offset: number; limit: number }

export const PLACEMENTS = [
  "for_you",
  "related",
  "bought_together",
  "cart",
  "trending",
  "recently_viewed",
  "search",
  "promotions",
] as const
export type Placement = (typeof PLACEMENTS)[number]

/** Placements that `GET /store/recommendations` (and so the preview) serves. */
export const LIST_PLACEMENTS = ["for_you", "related", "bought_together", "cart", "trending", "recently_viewed"] as const
export type ListPlacement = (typeof LIST_PLACEMENTS)[number]

// ------------------------------------------------------------------ metrics

export type Kpis = {
  served: number
  impressions: number
  clicks: number
  ctr: number
  add_to_carts: number
  add_to_cart_rate: number
  attributed_orders: number
  attributed_items: number
  conversion_rate: number
  attributed_revenue: Money[]
  aov_with_recommendations: (Money & { orders: number })[]
  aov_without_recommendations: (Money & { orders: number })[]
  coverage: { recommended_products: number; catalog_products: number; share: number }
}

export type SeriesPoint = {
  day: string
  served: number
  impressions: number
  clicks: number
  add_to_carts: number
  attributed_orders: number
  revenue: Money[]
}

export type PlacementMetrics = {
  placement: string
  served: number
  impressions: number
  clicks: number
  ctr: number
  add_to_carts: number
  add_to_cart_rate: number
  attributed_orders: number
  conversion_rate: number
  revenue: Money[]
}

export type ModelMetrics = {
  model_run_id: string
  model_kind: string
  algorithm: string
  served: number
  impressions: number
  clicks: number
  ctr: number
  attributed_orders: number
  conversion_rate: number
  revenue: Money[]
}

export type MetricsResponse = {
  from: string
  to: string
  kpis: Kpis
  series: SeriesPoint[]
  by_placement: PlacementMetrics[]
  by_model: ModelMetrics[]
}

export type MetricsQuery = { from?: string; to?: string; placement?: string; model_run_id?: string }

// ------------------------------------------------------------------ models

export const MODEL_KINDS = ["trending", "item_neighbors", "session", "content", "for_you", "intent"] as const

export type ModelRunStatus = "queued" | "running" | "succeeded" | "failed" | "rejected" | "canceled"

export type ModelRun = {
  id: string
  model_kind: string
  algorithm: string
  status: ModelRunStatus
  is_active: boolean
  backend: string | null
  progress: number
  params: Record<string, unknown> | null
  metrics: Record<string, number> | null
  baseline_metrics: Record<string, number> | null
  primary_metric: string | null
  lift: number | null
  reason: string | null
  error: string | null
  trigger: string | null
  job_id: string | null
  data_cutoff: string | null
  event_count: number | null
  created_at: string
  started_at: string | null
  finished_at: string | null
  activated_at: string | null
}

export type ModelRunsResponse = Paginated & { model_runs: ModelRun[] }
export type ModelRunsQuery = { kind?: string; status?: string; limit?: number; offset?: number }

export type TrainingResponse = { running: ModelRun[]; queued_jobs: number; last_finished: ModelRun | null }
export type RetrainMode = "full" | "incremental"
export type RetrainResponse = { job_id: string; mode: RetrainMode }

// ------------------------------------------------------------------ experiments

export const ARM_STRATEGIES = ["active_model", "model_run", "trending", "blend"] as const
export type ArmStrategy = (typeof ARM_STRATEGIES)[number]

export type Arm = {
  name: string
  traffic: number
  strategy: ArmStrategy
  model_run_id?: string
  blend_weight?: number
}

export type Experiment = {
  id: string
  name: string
  placement: string
  status: "running" | "stopped"
  arms: Arm[]
  started_at: string
  stopped_at: string | null
  winner_arm: string | null
  created_at: string
}

export type ArmResult = {
  name: string
  visitors: number
  conversions: number
  conversion_rate: number
  conversion_ci: [number, number]
  revenue_per_visitor: { currency_code: string; value: number; ci: [number, number] }[]
}

export type ExperimentResults = {
  arms: ArmResult[]
  conversion_test: { control: string; treatment: string; z: number; p_value: number; significant: boolean } | null
  revenue_test: { currency_code: string; t: number; df: number; p_value: number; significant: boolean } | null
}

export type ExperimentsResponse = Paginated & { experiments: Experiment[] }
export type ExperimentResponse = { experiment: Experiment; results: ExperimentResults }
export type CreateExperimentBody = { name: string; placement: string; arms: Arm[] }

// ------------------------------------------------------------------ rules

export const RULE_ACTIONS = ["pin", "boost", "bury", "exclude"] as const
export type RuleAction = (typeof RULE_ACTIONS)[number]
export const RULE_TARGETS = ["product", "category", "collection"] as const
export type RuleTargetType = (typeof RULE_TARGETS)[number]

export type Rule = {
  id: string
  action: RuleAction
  target_type: RuleTargetType
  target_id: string
  placement: string | null
  position: number | null
  weight: number | null
  starts_at: string | null
  ends_at: string | null
  note: string | null
  created_by: string | null
  created_at: string
  updated_at: string
}

export type RuleInput = {
  action: RuleAction
  target_type: RuleTargetType
  target_id: string
  placement: string | null
  position?: number | null
  weight?: number | null
  starts_at?: string | null
  ends_at?: string | null
  note?: string | null
}

export type RulesResponse = Paginated & { rules: Rule[] }
export type RulesQuery = { placement?: string; target_id?: string; limit?: number; offset?: number }

// ------------------------------------------------------------------ preview (the store API's shape)

export type Reason = { code: string; text: string; source_product_id?: string }

export type PreviewPrice = {
  calculated_amount?: number | null
  original_amount?: number | null
  currency_code?: string | null
}

export type PreviewProduct = {
  id: string
  title?: string | null
  handle?: string | null
  thumbnail?: string | null
  variants?: { id?: string; title?: string | null; calculated_price?: PreviewPrice | null }[] | null
}

export type PreviewItem = { product: PreviewProduct; score: number; reason: Reason }

export type PreviewResponse = {
  recommendation_id: string
  placement: string
  model: { run_id: string; kind: string; algorithm: string } | null
  experiment: { id: string; arm: string } | null
  fallback: string | null
  items: PreviewItem[]
}

export type PreviewQuery = {
  placement: ListPlacement
  customer_id?: string
  product_id?: string
  cart_id?: string
  region_id?: string
  sales_channel_id?: string
  limit?: number
}

// ------------------------------------------------------------------ settings

export type Settings = {
  retrain_cron: string
  attribution_window_days: number
  placements: Record<string, boolean>
  retention_days: number
}
export type SettingsResponse = { settings: Settings }

// ------------------------------------------------------------------ widgets

export type WidgetItem = {
  product_id: string
  title: string
  thumbnail: string | null
  score: number
  reason: { code: string; text: string }
}

export type ProductRecommendations = { related: WidgetItem[]; bought_together: WidgetItem[]; rules: Rule[] }

export type CustomerRecommendations = {
  for_you: WidgetItem[]
  intent: { probability: number; model_run_id: string } | null
  recent_events: { type: string; product_id: string | null; product_title: string | null; occurred_at: string }[]
  event_count: number
}

export type EraseBehaviourResponse = { customer_id: string; deleted: true; rows: number }

export type Attribution = {
  line_item_id: string
  product_id: string
  product_title: string | null
  quantity: number
  revenue: number
  currency_code: string
  recommendation_id: string
  placement: string
  model_run_id: string | null
  experiment_id: string | null
  arm: string | null
  touch: "click" | "impression"
  touched_at: string
  status: "active" | "canceled" | "returned"
}

export type OrderAttribution = { attributions: Attribution[]; totals: Money[] }

// ------------------------------------------------------------------ Medusa's own admin lists (pickers)

export type PickerOption = { value: string; label: string; hint?: string }
