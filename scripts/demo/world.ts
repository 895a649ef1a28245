/**
 * The demo's model of the store and its shoppers, shared by the live simulation (store API)
 * and the history generator (CSV import): the catalogue as the store API shows it, product
 * popularity, complementary categories, and shoppers with stable tastes.
 */
import type { HttpTypes } from "@medusajs/framework/types"
import type { StoreClient } from "../lib/store-client"
import { CATEGORIES, type CategorySpec } from "./catalog"
import { Rng } from "./prng"

export type CatalogVariant = {
  id: string
  title: string
  /** Stock is managed and there is none left (and no backorder). */
  soldOut: boolean
  prices: Record<string, number>
}

export type CatalogProduct = {
  id: string
  title: string
  category: string
  collectionId: string | null
  variants: CatalogVariant[]
  /** Relative popularity inside its category (Zipf-like, fixed by the seed). */
  popularity: number
}

export type Region = { id: string; currency: string; countries: string[] }

export type World = {
  products: CatalogProduct[]
  byCategory: Map<string, CatalogProduct[]>
  byId: Map<string, CatalogProduct>
  regions: Region[]
  salesChannelId: string | null
}

/** Categories whose products are bought together (tee + sweater, tent + headlamp...). */
export const COMPLEMENTS: Record<string, string[]> = {
  tops: ["knitwear", "sneakers"],
  knitwear: ["tops", "outerwear"],
  outerwear: ["boots", "knitwear", "camping"],
  sneakers: ["tops", "yoga"],
  boots: ["outerwear", "camping"],
  cookware: ["tableware", "coffee-tea"],
  tableware: ["cookware", "coffee-tea"],
  "coffee-tea": ["tableware", "notebooks-pens"],
  camping: ["outerwear", "boots", "cycling"],
  cycling: ["camping", "outerwear"],
  skincare: ["yoga"],
  yoga: ["skincare", "tops"],
  desk: ["notebooks-pens", "coffee-tea"],
  "notebooks-pens": ["desk", "coffee-tea"],
}

export function categorySpec(handle: string): CategorySpec {
  const spec = CATEGORIES.find((c) => c.handle === handle)
  if (!spec) throw new Error(`unknown category ${handle}`)
  return spec
}

/** Reads the catalogue through the store API, exactly as a storefront would (prices per region). */
export async function loadWorld(client: StoreClient, seed: number): Promise<World> {
  const { regions: apiRegions } = await client.listRegions({ limit: 50 })
  const regions: Region[] = apiRegions.map((r) => ({
    id: r.id,
    currency: r.currency_code ?? "eur",
    countries: (r.countries ?? []).map((c) => c.iso_2 ?? "").filter(Boolean),
  }))

  const apiProducts: HttpTypes.StoreProduct[] = []
  const prices = new Map<string, Record<string, number>>()
  for (const region of regions) {
    const first = apiProducts.length === 0
    for (let offset = 0; ; offset += 100) {
      const page = await client.listProducts({
        limit: 100,
        offset,
        order: "created_at",
        region_id: region.id,
        fields: first
          ? "id,title,collection_id,*categories,*variants,+variants.inventory_quantity,*variants.calculated_price"
          : "id,*variants.calculated_price",
      })
      if (first) apiProducts.push(...page.products)
      for (const product of page.products) {
        for (const v of product.variants ?? []) {
          const amount = v.calculated_price?.calculated_amount
          if (typeof amount === "number") {
            prices.set(v.id, { ...(prices.get(v.id) ?? {}), [region.currency]: amount })
          }
        }
      }
      if (offset + 100 >= page.count) break
    }
  }

  const rng = new Rng(`world:${seed}`)
  const known = new Set(CATEGORIES.map((c) => c.handle))
  const products: CatalogProduct[] = []
  for (const p of apiProducts) {
    const category = (p.categories ?? []).map((c) => c?.handle ?? "").find((h) => known.has(h))
    if (!category) continue
    const variants = (p.variants ?? []).map((v) => {
      return {
        id: v.id,
        title: v.title ?? "",
        soldOut: !!v.manage_inventory && !v.allow_backorder && (v.inventory_quantity ?? 0) <= 0,
        prices: prices.get(v.id) ?? {},
      }
    })
    products.push({ id: p.id, title: p.title, category, collectionId: p.collection_id ?? null, variants, popularity: 1 })
  }

  const byCategory = new Map<string, CatalogProduct[]>()
  for (const p of products) {
    const list = byCategory.get(p.category) ?? []
    list.push(p)
    byCategory.set(p.category, list)
  }
  // Zipf-like popularity inside each category, in a seeded order: a few bestsellers, a long tail.
  for (const list of byCategory.values()) {
    rng.shuffle(list).forEach((p, rank) => {
      p.popularity = 1 / Math.pow(rank + 1, 0.9)
    })
  }

  return {
    products,
    byCategory,
    byId: new Map(products.map((p) => [p.id, p])),
    regions,
    salesChannelId: null,
  }
}

export type Shopper = {
  index: number
  /** Stable anonymous id (cookie / header value), 8-64 of [A-Za-z0-9_-]. */
  anonymousId: string
  registered: boolean
  firstName: string
  lastName: string
  email: string
  region: Region
  /** Category handle -> weight; two or three favourites dominate. */
  tastes: Map<string, number>
  /** Relative activity (sessions, cart propensity). */
  activity: number
  address: { address_1: string; city: string; postal_code: string; country_code: string; province?: string }
}

const FIRST_NAMES = [
  "Anna", "Lukas", "Marie", "Jonas", "Sophie", "Elias", "Léa", "Hugo", "Lucía", "Mateo", "Giulia", "Lorenzo",
  "Emma", "Daan", "Julia", "Noah", "Olivia", "Liam", "Ava", "Ethan", "Chloé", "Louis", "Sara", "Pablo",
  "Sofia", "Leon", "Mila", "Finn", "Zoe", "Milan", "Grace", "Owen", "Isabel", "Jack", "Nora", "Felix",
]
const LAST_NAMES = [
  "Müller", "Schmidt", "Dubois", "Martin", "García", "Fernández", "Rossi", "Bianchi", "de Vries", "Jansen",
  "Smith", "Johnson", "Brown", "Tremblay", "Roy", "Wagner", "Bernard", "López", "Ricci", "Bakker", "Miller",
  "Wilson", "Taylor", "Lefebvre", "Moreau", "Romano", "Visser", "Becker", "Hoffmann", "Davis", "Clark", "Gagnon",
]

const ADDRESSES: Record<string, Array<{ city: string; postal_code: string; street: string; province?: string }>> = {
  de: [
    { city: "Berlin", postal_code: "10115", street: "Invalidenstraße" },
    { city: "München", postal_code: "80331", street: "Sendlinger Straße" },
    { city: "Hamburg", postal_code: "20095", street: "Mönckebergstraße" },
  ],
  fr: [
    { city: "Paris", postal_code: "75011", street: "Rue Oberkampf" },
    { city: "Lyon", postal_code: "69002", street: "Rue de la République" },
  ],
  es: [
    { city: "Madrid", postal_code: "28004", street: "Calle de Fuencarral" },
    { city: "Barcelona", postal_code: "08010", street: "Passeig de Gràcia" },
  ],
  it: [
    { city: "Milano", postal_code: "20121", street: "Via Brera" },
    { city: "Roma", postal_code: "00186", street: "Via del Corso" },
  ],
  nl: [
    { city: "Amsterdam", postal_code: "1015 CJ", street: "Prinsengracht" },
    { city: "Utrecht", postal_code: "3511 LX", street: "Oudegracht" },
  ],
  us: [
    { city: "Portland", postal_code: "97205", street: "SW Morrison St", province: "us-or" },
    { city: "Denver", postal_code: "80202", street: "Larimer St", province: "us-co" },
    { city: "Brooklyn", postal_code: "11211", street: "Bedford Ave", province: "us-ny" },
  ],
  ca: [
    { city: "Toronto", postal_code: "M5V 2T6", street: "Queen St W", province: "ca-on" },
    { city: "Vancouver", postal_code: "V6B 1A1", street: "Granville St", province: "ca-bc" },
  ],
}

/**
 * Shoppers with stable tastes: each prefers two or three categories (often complementary),
 * lives in one region, and is either a registered customer or an anonymous visitor.
 */
export function makeShoppers(world: World, count: number, seed: number, registeredShare: number, tag: string): Shopper[] {
  const rng = new Rng(`shoppers:${tag}:${seed}`)
  const categories = [...world.byCategory.keys()].sort()
  const eu = world.regions.find((r) => r.currency === "eur") ?? world.regions[0]!
  const na = world.regions.find((r) => r.currency !== eu.currency) ?? eu
  const shoppers: Shopper[] = []
  for (let i = 0; i < count; i++) {
    const r = rng.fork(i)
    const region = r.chance(0.68) ? eu : na
    const favourite = r.pick(categories)
    const second = r.chance(0.6) ? r.pick(COMPLEMENTS[favourite] ?? categories) : r.pick(categories)
    const tastes = new Map<string, number>()
    for (const c of categories) tastes.set(c, 0.15)
    tastes.set(favourite, 6)
    tastes.set(second, (tastes.get(second) ?? 0) + 3)
    if (r.chance(0.35)) {
      const third = r.pick(categories)
      tastes.set(third, (tastes.get(third) ?? 0) + 1.5)
    }
    const firstName = r.pick(FIRST_NAMES)
    const lastName = r.pick(LAST_NAMES)
    const country = r.pick(region.countries.filter((c) => ADDRESSES[c]).length ? region.countries.filter((c) => ADDRESSES[c]) : ["de"])
    const place = r.pick(ADDRESSES[country] ?? ADDRESSES.de!)
    const local = `${firstName}.${lastName}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z.]/g, "")
      .toLowerCase()
    shoppers.push({
      index: i,
      anonymousId: `demo-${tag}-${seed.toString(36)}-${i.toString(36).padStart(4, "0")}${r.int(0, 1e9).toString(36)}`,
      registered: r.chance(registeredShare),
      firstName,
      lastName,
      email: `${local}.${tag}${i}@example.com`,
      region,
      tastes,
      activity: 0.4 + r.next() * 1.6,
      address: {
        address_1: `${place.street} ${r.int(1, 180)}`,
        city: place.city,
        postal_code: place.postal_code,
        country_code: country,
        ...(place.province ? { province: place.province } : {}),
      },
    })
  }
  return shoppers
}

/** A product this shopper is likely to look at: category by taste, product by popularity. */
export function pickProduct(world: World, shopper: Shopper, rng: Rng, category?: string): CatalogProduct {
  const cats = [...shopper.tastes.keys()]
  const chosen = category ?? rng.weighted(cats, cats.map((c) => shopper.tastes.get(c) ?? 0))
  const list = world.byCategory.get(chosen) ?? world.products
  return rng.weighted(list, list.map((p) => p.popularity))
}

/** A complementary product for something in the cart (the structure a recommender should learn). */
export function pickComplement(world: World, product: CatalogProduct, rng: Rng): CatalogProduct {
  const related = COMPLEMENTS[product.category] ?? [product.category]
  const category = rng.pick(related)
  const list = world.byCategory.get(category) ?? world.products
  return rng.weighted(list, list.map((p) => p.popularity))
}

/** A search query a shopper with these tastes might type. */
export function searchQuery(world: World, shopper: Shopper, rng: Rng): { query: string; category: string } {
  const cats = [...shopper.tastes.keys()]
  const category = rng.weighted(cats, cats.map((c) => shopper.tastes.get(c) ?? 0))
  const spec = categorySpec(category)
  let query = rng.pick(spec.searchTerms)
  if (rng.chance(0.15)) query = query.replace(/([aeiou])/, "$1$1") // the odd typo
  if (rng.chance(0.1)) query = `${query} ${rng.pick(["sale", "gift", "black", "organic", "men", "women"])}`
  return { query, category }
}

/** Recommendation-style list: mostly taste-driven, some globally popular items, no repeats. */
export function recommendationList(world: World, shopper: Shopper | null, rng: Rng, size: number): CatalogProduct[] {
  const seen = new Set<string>()
  const out: CatalogProduct[] = []
  let guard = 0
  while (out.length < size && guard++ < size * 20) {
    const p =
      shopper && rng.chance(0.7)
        ? pickProduct(world, shopper, rng)
        : rng.weighted(world.products, world.products.map((x) => x.popularity))
    if (seen.has(p.id)) continue
    seen.add(p.id)
    out.push(p)
  }
  return out
}

/** A variant a shopper could actually buy (not sold out), or null. */
export function buyableVariant(product: CatalogProduct, rng: Rng): CatalogVariant | null {
  const options = product.variants.filter((v) => !v.soldOut)
  return options.length ? rng.pick(options) : null
}
