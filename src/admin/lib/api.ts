// Typed client of the plugin's admin API (docs/admin-api.md), one function per route.
import { request } from "./http"
import type {
  CreateExperimentBody,
  CustomerRecommendations,
  EraseBehaviourResponse,
  Experiment,
  ExperimentResponse,
  ExperimentsResponse,
  MetricsQuery,
  MetricsResponse,
  ModelRun,
  ModelRunsQuery,
  ModelRunsResponse,
  OrderAttribution,
  PreviewQuery,
  PreviewResponse,
  ProductRecommendations,
  RetrainMode,
  RetrainResponse,
  Rule,
  RuleInput,
  RulesQuery,
  RulesResponse,
  Settings,
  SettingsResponse,
  TrainingResponse,
} from "./types"

const BASE = "/admin/recommendations"
const id = (value: string) => encodeURIComponent(value)

export const recoApi = {
  metrics: (query: MetricsQuery = {}) => request<MetricsResponse>("GET", `${BASE}/metrics`, { query }),

  models: {
    list: (query: ModelRunsQuery = {}) => request<ModelRunsResponse>("GET", `${BASE}/models`, { query }),
    get: (runId: string) => request<{ model_run: ModelRun }>("GET", `${BASE}/models/${id(runId)}`),
    retrain: (mode: RetrainMode = "full") => request<RetrainResponse>("POST", `${BASE}/models/retrain`, { body: { mode } }),
    activate: (runId: string) => request<{ model_run: ModelRun }>("POST", `${BASE}/models/${id(runId)}/activate`, { body: {} }),
    cancel: (runId: string) => request<{ model_run: ModelRun }>("POST", `${BASE}/models/${id(runId)}/cancel`, { body: {} }),
  },

  training: () => request<TrainingResponse>("GET", `${BASE}/training`),

  experiments: {
    list: (query: { status?: string; limit?: number; offset?: number } = {}) =>
      request<ExperimentsResponse>("GET", `${BASE}/experiments`, { query }),
    get: (experimentId: string) => request<ExperimentResponse>("GET", `${BASE}/experiments/${id(experimentId)}`),
    create: (body: CreateExperimentBody) => request<{ experiment: Experiment }>("POST", `${BASE}/experiments`, { body }),
    stop: (experimentId: string) => request<{ experiment: Experiment }>("POST", `${BASE}/experiments/${id(experimentId)}/stop`, { body: {} }),
    promote: (experimentId: string, arm: string) =>
      request<{ experiment: Experiment }>("POST", `${BASE}/experiments/${id(experimentId)}/promote`, { body: { arm } }),
  },

  rules: {
    list: (query: RulesQuery = {}) => request<RulesResponse>("GET", `${BASE}/rules`, { query }),
    create: (body: RuleInput) => request<{ rule: Rule }>("POST", `${BASE}/rules`, { body }),
    update: (ruleId: string, body: Partial<RuleInput>) => request<{ rule: Rule }>("POST", `${BASE}/rules/${id(ruleId)}`, { body }),
    delete: (ruleId: string) =>
      request<{ id: string; object: string; deleted: boolean }>("DELETE", `${BASE}/rules/${id(ruleId)}`),
  },

  preview: (query: PreviewQuery) => request<PreviewResponse>("GET", `${BASE}/preview`, { query }),

  settings: {
    get: () => request<SettingsResponse>("GET", `${BASE}/settings`),
    update: (patch: Partial<Settings>) => request<SettingsResponse>("POST", `${BASE}/settings`, { body: patch }),
  },

  product: (productId: string) => request<ProductRecommendations>("GET", `${BASE}/products/${id(productId)}`),
  customer: (customerId: string) => request<CustomerRecommendations>("GET", `${BASE}/customers/${id(customerId)}`),
  eraseCustomerBehaviour: (customerId: string) =>
    request<EraseBehaviourResponse>("DELETE", `${BASE}/customers/${id(customerId)}/behaviour`),
  orderAttribution: (orderId: string) => request<OrderAttribution>("GET", `${BASE}/orders/${id(orderId)}/attribution`),
}
