import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { DataSource } from "typeorm"
import type { SignalProducer } from "../../queue/signal-producer"
import type { EventStatus } from "../../store/event-types"
import type { NewEvent } from "../../store/new-event"
import { mergeAnonymousActor } from "../../store/repositories/actor-merge"
import { type CartState, syncCart } from "../../store/repositories/cart-sync"
import { readCheckpoint, saveCheckpoint } from "../../store/repositories/checkpoints"
import { eraseCustomer } from "../../store/repositories/customer-erasure"
import { type WriteOutcome, writeEvents } from "../../store/repositories/event-writer"
import { markProductsDeleted, upsertProducts } from "../../store/repositories/product-mirror"
import { setOrderPurchaseStatus } from "../../store/repositories/purchase-status"
import { attributeOrderRecord, cancelOrderRecord, recordOrderReturns } from "../../store/repositories/attribution"
import { type MetricsQuery, metricsReport, orderAttribution } from "../../store/repositories/metrics-report"
import type { OrderRecordWithTotals } from "../../capture/order-attribution"
import type { RecoProduct } from "../../store/entities"
import type { PluginOptions } from "./options"
import { RecommendationEngine } from "../../serving/recommendation-engine"
import {
  createMerchantRule,
  deleteMerchantRule,
  listMerchantRules,
  type MerchantRuleInput,
  updateMerchantRule,
} from "../../store/repositories/merchant-rules"
import type { JsonObject } from "../../store/json"
import { endExperiment, promoteArm, requireExperiment, startExperiment } from "../../experiments/manage-experiments"
import { experimentResults } from "../../experiments/results"
import type { Placement } from "../../serving/placements"
import type { ExperimentStatus } from "../../store/entities/reco-experiment.entity"
import { type ExperimentInput, listExperiments } from "../../store/repositories/experiments"
import { type CancelOutcome, findModelRun, listModelRunsPage, type ModelRunFilter, requestRunCancel, trainingOverview } from "../../store/repositories/model-runs-admin"
import { findMerchantRule, listMerchantRulesPage, type MerchantRuleFilter } from "../../store/repositories/merchant-rules-admin"
import { defaultSettings, readSettings, type RecoSettings, writeSettings } from "../../store/repositories/settings"
import { activateRun } from "../../training/model-runs"
import { dataWatermark } from "../../training/training-data"
import type { TrainingMode } from "../../queue/training-jobs"

type InjectedDependencies = {
  logger: Logger
  recoDataSource: DataSource
  recoSignalProducer: SignalProducer
  recoOptions: PluginOptions
}

/**
 * The module's facade for routes, subscribers and workflows. It owns no logic of its own:
 * each method is one transaction in src/store followed by a learning signal.
 */
export default class RecommendationsModuleService {
  protected readonly dataSource_: DataSource
  protected readonly signals_: SignalProducer
  protected readonly logger_: Logger
  readonly options: PluginOptions
  private engine_: RecommendationEngine | null = null

  // Medusa calls these on shutdown; the data source and Redis connection must not outlive the app.
  readonly __hooks = {
    onApplicationShutdown: async () => {
      await this.engine_?.close()
      await this.signals_.close()
      if (this.dataSource_.isInitialized) await this.dataSource_.destroy()
    },
  }

  constructor(deps: InjectedDependencies) {
    this.dataSource_ = deps.recoDataSource
    this.signals_ = deps.recoSignalProducer
    this.logger_ = deps.logger
    this.options = deps.recoOptions
  }

  /** The data source over the plugin tables (for read models in later layers). */
  get dataSource(): DataSource {
    return this.dataSource_
  }

  /** The serving engine of this process (created on first use, so workers and scripts never start it). */
  get serving(): RecommendationEngine {
    this.engine_ ??= new RecommendationEngine(this.dataSource_, this.options.serving, (m) => this.logger_.warn(m))
    return this.engine_
  }

  listMerchantRules() {
    return listMerchantRules(this.dataSource_)
  }

  listMerchantRulesPage(filter: MerchantRuleFilter) {
    return listMerchantRulesPage(this.dataSource_, filter)
  }

  async retrieveMerchantRule(id: string) {
    const rule = await findMerchantRule(this.dataSource_, id)
    if (!rule) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule with id ${id} was not found`)
    return rule
  }

  async createMerchantRule(input: MerchantRuleInput) {
    const rule = await createMerchantRule(this.dataSource_, input)
    this.engine_?.rules.invalidate()
    return rule
  }

  async updateMerchantRule(id: string, patch: Partial<MerchantRuleInput>) {
    const rule = await updateMerchantRule(this.dataSource_, id, patch)
    this.engine_?.rules.invalidate()
    return rule
  }

  async deleteMerchantRule(id: string): Promise<boolean> {
    const deleted = await deleteMerchantRule(this.dataSource_, id)
    this.engine_?.rules.invalidate()
    return deleted
  }

  listModelRuns(filter: ModelRunFilter) {
    return listModelRunsPage(this.dataSource_, filter)
  }

  async retrieveModelRun(id: string) {
    const run = await findModelRun(this.dataSource_, id)
    if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Model run with id ${id} was not found`)
    return run
  }

  /** Serves a succeeded run of its kind from now on (also the roll back to an older run). */
  async activateModelRun(id: string) {
    const run = await this.retrieveModelRun(id)
    if (run.status !== "succeeded") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Model run ${id} is ${run.status}; only a succeeded run can be activated`)
    }
    await activateRun(this.dataSource_, id)
    // Other processes hear the NOTIFY; this one serves the run from its next request.
    this.engine_?.onModelActivated()
    return this.retrieveModelRun(id)
  }

  async cancelModelRun(id: string) {
    const result: CancelOutcome = await requestRunCancel(this.dataSource_, id)
    if (result.outcome === "not_found") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Model run with id ${id} was not found`)
    if (result.outcome === "not_cancelable") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Model run ${id} is ${result.run.status}; only a queued or running run can be canceled`)
    }
    return result.run
  }

  trainingOverview() {
    return trainingOverview(this.dataSource_)
  }

  /** Queued training jobs; throws QueueUnavailableError at once when Redis is unreachable. */
  queuedTrainingJobs(): Promise<number> {
    return this.signals_.queuedTrainingJobs()
  }

  /** Queues a training job over the data up to now; throws QueueUnavailableError at once when Redis is unreachable. */
  async requestRetrain(mode: TrainingMode): Promise<string> {
    return this.signals_.requestTraining(mode, "admin", await dataWatermark(this.dataSource_))
  }

  /** The run-time settings: stored values over the plugin options' defaults. */
  readSettings(): Promise<RecoSettings> {
    return readSettings(this.dataSource_, defaultSettings(this.options))
  }

  /**
   * Applies a partial settings change. Schedules are registered first (a dead Redis is a
   * QueueUnavailableError and nothing is stored), then the values are stored in one
   * transaction, and this process's placement switches apply at once.
   */
  async updateSettings(patch: Partial<RecoSettings>, updatedBy: string | null): Promise<RecoSettings> {
    const current = await this.readSettings()
    const next: Partial<RecoSettings> = { ...patch }
    if (patch.placements) next.placements = { ...current.placements, ...patch.placements }
    if (patch.retrain_cron !== undefined) await this.signals_.ensureRetrainSchedule(patch.retrain_cron)
    if (patch.retention_days !== undefined) await this.signals_.replaceRetentionSchedule(patch.retention_days)
    await writeSettings(this.dataSource_, next, updatedBy)
    this.engine_?.switches.invalidate()
    return this.readSettings()
  }

  listExperiments(filter: { status?: ExperimentStatus; limit: number; offset: number }) {
    return listExperiments(this.dataSource_, filter)
  }

  async retrieveExperimentWithResults(id: string) {
    const experiment = await requireExperiment(this.dataSource_, id)
    return { experiment, results: await experimentResults(this.dataSource_, experiment) }
  }

  /** Starts at once: this process assigns arms from its next request, others within 10 s. */
  async createExperiment(input: ExperimentInput & { placement: Placement }) {
    const experiment = await startExperiment(this.dataSource_, input)
    this.engine_?.experiments.invalidate()
    return experiment
  }

  async stopExperiment(id: string) {
    const experiment = await endExperiment(this.dataSource_, id)
    this.engine_?.experiments.invalidate()
    return experiment
  }

  async promoteExperiment(id: string, arm: string) {
    const { experiment, activatedRunId } = await promoteArm(this.dataSource_, id, arm)
    this.engine_?.experiments.invalidate()
    // Other processes hear the activation's NOTIFY; this one serves the run from its next request.
    if (activatedRunId) this.engine_?.onModelActivated()
    return experiment
  }

  /** Stores events atomically (all or none), then signals the workers. */
  async recordEvents(events: NewEvent[]): Promise<WriteOutcome> {
    const outcome = await this.dataSource_.transaction((manager) => writeEvents(manager, events))
    await this.signal(events[0]?.source ?? "unknown", outcome)
    return outcome
  }

  async syncCart(state: CartState) {
    const outcome = await syncCart(this.dataSource_, state, defaultSettings(this.options))
    await this.signal("subscriber", outcome)
    return outcome
  }

  mergeAnonymousActor(anonymousId: string, customerId: string): Promise<number> {
    return mergeAnonymousActor(this.dataSource_, anonymousId, customerId)
  }

  setOrderPurchaseStatus(orderId: string, status: EventStatus): Promise<number> {
    return setOrderPurchaseStatus(this.dataSource_, orderId, status)
  }

  /** order.placed: attributes the order's lines and adds it to the daily metrics (replays change nothing). */
  attributeOrder(order: OrderRecordWithTotals) {
    return attributeOrderRecord(this.dataSource_, order, defaultSettings(this.options))
  }

  cancelOrderAttribution(orderId: string) {
    return cancelOrderRecord(this.dataSource_, orderId)
  }

  recordOrderReturns(order: OrderRecordWithTotals) {
    return recordOrderReturns(this.dataSource_, order)
  }

  metricsReport(query: MetricsQuery) {
    return metricsReport(this.dataSource_, query)
  }

  orderAttribution(orderId: string) {
    return orderAttribution(this.dataSource_, orderId)
  }

  async eraseCustomer(customerId: string) {
    const outcome = await eraseCustomer(this.dataSource_, customerId)
    this.engine_?.lists.forgetActors(outcome.actorIds)
    return outcome
  }

  async upsertProducts(rows: Array<Omit<RecoProduct, "syncedAt">>): Promise<void> {
    await upsertProducts(this.dataSource_, rows)
    this.engine_?.catalog.invalidate()
    this.engine_?.products.evict(rows.map((r) => r.productId))
  }

  async markProductsDeleted(productIds: string[]): Promise<void> {
    await markProductsDeleted(this.dataSource_, productIds)
    this.engine_?.catalog.invalidate()
    this.engine_?.products.evict(productIds)
  }

  readCheckpoint<T extends JsonObject>(name: string): Promise<T | null> {
    return readCheckpoint<T>(this.dataSource_, name)
  }

  saveCheckpoint(name: string, state: JsonObject): Promise<void> {
    return saveCheckpoint(this.dataSource_, name, state)
  }

  private async signal(source: string, outcome: WriteOutcome): Promise<void> {
    if (outcome.stored === 0 || !outcome.newestReceivedAt) return
    await this.signals_.eventsIngested({
      source,
      count: outcome.stored,
      received_at: outcome.newestReceivedAt.toISOString(),
    })
  }
}
