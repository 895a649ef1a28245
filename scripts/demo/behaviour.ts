/**
 * The behaviour phase of `npm run demo`, loaded by scripts/demo.mjs once the server answers:
 * live shoppers over HTTP, then the history CSV for the import path.
 */
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { StoreClient } from "../lib/store-client"
import { writeHistoryCsv, type HistorySummary } from "./history"
import { simulateShoppers, type SimulationResult } from "./simulate"
import { loadWorld, makeShoppers } from "./world"

export type BehaviourOptions = {
  /** The store's API instances; the first also serves the catalogue reads. */
  baseUrls: string[]
  publishableKey: string
  salesChannelId: string | null
  seed: number
  shoppers: number
  orders: number
  abandonedCarts: number
  browseSessions: number
  concurrency: number
  registeredShare: number
  stepByStepShare: number
  historyDays: number
  historySessionsPerDay: number
  historyFile: string
  password: string
  log: (line: string) => void
}

export type BehaviourResult = {
  live: SimulationResult
  history: HistorySummary
  products: number
}

export async function runBehaviour(options: BehaviourOptions): Promise<BehaviourResult> {
  const client = new StoreClient(options.baseUrls[0]!, options.publishableKey)
  const world = await loadWorld(client, options.seed)
  world.salesChannelId = options.salesChannelId
  options.log(`Catalogue read through the store API: ${world.products.length} products, ${world.regions.length} regions.`)

  const live = makeShoppers(world, options.shoppers, options.seed, options.registeredShare, "live")
  options.log(
    `Simulating ${live.length} shoppers (${live.filter((s) => s.registered).length} will register) with ${options.concurrency} in flight over ${options.baseUrls.length} API instance(s)...`
  )
  const result = await simulateShoppers(world, live, {
    baseUrls: options.baseUrls,
    publishableKey: options.publishableKey,
    seed: options.seed,
    orders: options.orders,
    abandonedCarts: options.abandonedCarts,
    browseSessions: options.browseSessions,
    concurrency: options.concurrency,
    stepByStepShare: options.stepByStepShare,
    password: options.password,
    log: options.log,
  })

  // History: the live shoppers (registered ones under their customer id) plus visitors who
  // only appear in the past.
  const pastOnly = makeShoppers(world, Math.round(options.shoppers * 1.5), options.seed, 0, "past")
  mkdirSync(dirname(options.historyFile), { recursive: true })
  const end = new Date(Date.now() - 2 * 3_600_000)
  const customers = new Map(live.flatMap((s) => {
    const id = result.customerIds.get(s.index)
    return id ? [[s.anonymousId, id] as const] : []
  }))
  const history = await writeHistoryCsv(world, [...live, ...pastOnly], customers, {
    seed: options.seed,
    days: options.historyDays,
    end,
    sessionsPerDay: options.historySessionsPerDay,
    salesChannelId: options.salesChannelId,
    file: options.historyFile,
  })
  return { live: result, history, products: world.products.length }
}
