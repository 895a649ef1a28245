/**
 * The demo catalogue, generated deterministically from a seed: a believable outfitter-and-home
 * store with 168 products in 14 categories (under 6 parents), 7 collections, product types,
 * tags, options and variants, EUR and USD prices and a stock plan per variant.
 */
import { Rng } from "./prng"

export const STORE_NAME = "Lindenfeld Supply Co."

export type OptionSpec = { title: string; values: string[]; pick: [number, number] }

export type CategorySpec = {
  handle: string
  name: string
  parent: string
  type: string
  description: string
  nouns: string[]
  series: string[]
  materials: string[]
  /** Materials that make sense for a particular noun (falls back to `materials`). */
  nounMaterials?: Record<string, string[]>
  /** EUR price range for a particular noun (falls back to `price`). */
  nounPrice?: Record<string, [number, number]>
  options: OptionSpec[]
  /** EUR price range of the base variant. */
  price: [number, number]
  /** Price multiplier per value of the first option (e.g. 250 g vs 1 kg), when it matters. */
  valueMultipliers?: Record<string, number>
  weight: [number, number]
  /** Words shoppers type when they look for this category. */
  searchTerms: string[]
  benefits: string[]
}

export const PARENT_CATEGORIES = [
  { handle: "apparel", name: "Apparel", description: "Clothing made to be worn hard and washed often." },
  { handle: "footwear", name: "Footwear", description: "Sneakers and boots for city streets and trails." },
  { handle: "home-kitchen", name: "Home & Kitchen", description: "Cookware, tableware and the good coffee." },
  { handle: "outdoor", name: "Outdoor", description: "Gear for weekends outside, on foot or on two wheels." },
  { handle: "wellness", name: "Wellness", description: "Skincare and yoga essentials." },
  { handle: "work-study", name: "Work & Study", description: "Desk tools and paper goods that make work nicer." },
] as const

const SIZES = ["XS", "S", "M", "L", "XL"]
const SHOE_SIZES = ["38", "39", "40", "41", "42", "43", "44", "45"]
const COLORS = ["Black", "Navy", "Olive", "Sand", "Rust", "Heather Grey", "Forest", "Ecru"]

export const CATEGORIES: CategorySpec[] = [
  {
    handle: "tops",
    name: "Tops",
    parent: "apparel",
    type: "Apparel",
    description: "Tees, henleys and shirts.",
    nouns: ["Crew Tee", "Pocket Tee", "Henley", "Long Sleeve Tee", "Oxford Shirt", "Flannel Shirt", "Polo", "Tank Top"],
    series: ["Harbor", "Everyday", "Lindenfeld", "Coastline", "Fieldwork", "Weekender", "Atlas"],
    materials: ["Organic Cotton", "Slub Cotton", "Linen Blend", "Merino", "Hemp"],
    options: [
      { title: "Size", values: SIZES, pick: [3, 4] },
      { title: "Color", values: COLORS, pick: [1, 2] },
    ],
    price: [19, 69],
    weight: [150, 350],
    searchTerms: ["t-shirt", "tee", "shirt", "henley", "organic cotton shirt", "linen shirt", "polo"],
    benefits: ["keeps its shape wash after wash", "breathes on warm days", "is cut for an easy, relaxed fit"],
  },
  {
    handle: "knitwear",
    name: "Knitwear",
    parent: "apparel",
    type: "Apparel",
    description: "Sweaters, cardigans and beanies.",
    nouns: ["Crewneck Sweater", "Cardigan", "Rollneck", "Quarter-Zip", "Fisherman Sweater", "Beanie", "Knit Vest"],
    series: ["Nordkap", "Highland", "Lindenfeld", "Fjord", "Harbor", "Alpine"],
    materials: ["Merino", "Lambswool", "Cashmere Blend", "Recycled Wool", "Cotton Cable"],
    nounPrice: { Beanie: [19, 45], "Knit Vest": [39, 89] },
    options: [
      { title: "Size", values: SIZES, pick: [3, 4] },
      { title: "Color", values: COLORS, pick: [1, 2] },
    ],
    price: [49, 169],
    weight: [250, 700],
    searchTerms: ["sweater", "jumper", "cardigan", "merino", "wool sweater", "beanie", "knit"],
    benefits: ["is warm without the bulk", "does not itch", "is knitted in Portugal"],
  },
  {
    handle: "outerwear",
    name: "Outerwear",
    parent: "apparel",
    type: "Apparel",
    description: "Jackets and coats for real weather.",
    nouns: ["Rain Shell", "Down Jacket", "Chore Coat", "Parka", "Fleece Jacket", "Softshell", "Overshirt"],
    series: ["Stormline", "Nordkap", "Fieldwork", "Summit", "Coastline", "Atlas"],
    materials: ["Recycled Nylon", "Waxed Cotton", "Ripstop", "Polartec Fleece", "Wool Blend"],
    nounMaterials: {
      "Rain Shell": ["Recycled Nylon", "Ripstop", "Three-Layer"],
      "Down Jacket": ["Recycled Nylon", "Ripstop", "Responsible Down"],
      "Fleece Jacket": ["Polartec", "Recycled", "High-Pile"],
      "Chore Coat": ["Waxed Cotton", "Canvas", "Wool Blend"],
      Overshirt: ["Wool Blend", "Waxed Cotton", "Corduroy"],
    },
    options: [
      { title: "Size", values: SIZES, pick: [3, 4] },
      { title: "Color", values: COLORS, pick: [1, 2] },
    ],
    price: [89, 289],
    weight: [400, 1200],
    searchTerms: ["jacket", "rain jacket", "coat", "parka", "fleece", "down jacket", "waterproof"],
    benefits: ["keeps the rain out", "packs into its own pocket", "has taped seams and a two-way zip"],
  },
  {
    handle: "sneakers",
    name: "Sneakers",
    parent: "footwear",
    type: "Footwear",
    description: "Everyday sneakers and runners.",
    nouns: ["Court Sneaker", "Runner", "Low-Top", "High-Top", "Trail Runner", "Slip-On"],
    series: ["Metro", "Stride", "Lindenfeld", "Pacer", "Harbor", "Drift"],
    materials: ["Leather", "Suede", "Recycled Canvas", "Knit", "Vegan Leather"],
    options: [{ title: "Size", values: SHOE_SIZES, pick: [4, 6] }],
    price: [69, 159],
    weight: [600, 1000],
    searchTerms: ["sneakers", "trainers", "running shoes", "white sneakers", "canvas shoes", "shoes"],
    benefits: ["has a cushioned cork footbed", "is resoled on request", "runs true to size"],
  },
  {
    handle: "boots",
    name: "Boots",
    parent: "footwear",
    type: "Footwear",
    description: "Hiking, work and Chelsea boots.",
    nouns: ["Chelsea Boot", "Hiking Boot", "Work Boot", "Chukka", "Winter Boot", "Moc Toe Boot"],
    series: ["Ridge", "Summit", "Fieldwork", "Nordkap", "Timberline"],
    materials: ["Full-Grain Leather", "Waxed Suede", "Nubuck", "Waterproof Leather"],
    options: [{ title: "Size", values: SHOE_SIZES, pick: [4, 6] }],
    price: [119, 259],
    weight: [1000, 1800],
    searchTerms: ["boots", "hiking boots", "chelsea boots", "leather boots", "winter boots"],
    benefits: ["is Goodyear welted", "breaks in within a week", "has a grippy Vibram sole"],
  },
  {
    handle: "cookware",
    name: "Cookware",
    parent: "home-kitchen",
    type: "Home",
    description: "Pans, pots and kitchen tools.",
    nouns: ["Skillet", "Dutch Oven", "Saucepan", "Wok", "Chef's Knife", "Cutting Board", "Baking Sheet"],
    series: ["Hearth", "Lindenfeld", "Atelier", "Copperline", "Smithy"],
    materials: ["Cast Iron", "Carbon Steel", "Tri-Ply Stainless", "Enamelled Cast Iron"],
    nounMaterials: { "Cutting Board": ["Walnut", "Oak", "End-Grain Maple"], "Chef's Knife": ["Carbon Steel", "Damascus", "Stainless"] },
    nounPrice: { "Cutting Board": [35, 89], "Baking Sheet": [19, 39] },
    options: [{ title: "Size", values: ["20 cm", "24 cm", "28 cm", "32 cm"], pick: [2, 3] }],
    price: [29, 189],
    valueMultipliers: { "20 cm": 0.85, "24 cm": 1, "28 cm": 1.2, "32 cm": 1.4 },
    weight: [800, 4500],
    searchTerms: ["pan", "skillet", "cast iron", "dutch oven", "knife", "wok", "cookware"],
    benefits: ["goes from hob to oven", "heats evenly", "will outlive its owner"],
  },
  {
    handle: "tableware",
    name: "Tableware",
    parent: "home-kitchen",
    type: "Home",
    description: "Plates, bowls, glasses and linen.",
    nouns: ["Dinner Plate Set", "Bowl Set", "Mug", "Tumbler Set", "Linen Napkins", "Serving Platter", "Carafe"],
    series: ["Atelier", "Hearth", "Kiln", "Lindenfeld", "Tide"],
    materials: ["Stoneware", "Porcelain", "Recycled Glass", "Stonewashed Linen", "Terracotta"],
    options: [{ title: "Color", values: ["Chalk", "Slate", "Sage", "Clay", "Indigo"], pick: [2, 3] }],
    price: [14, 79],
    weight: [300, 2500],
    searchTerms: ["plates", "mug", "bowls", "glasses", "napkins", "stoneware", "tableware"],
    benefits: ["is dishwasher safe", "is glazed by hand", "stacks neatly"],
  },
  {
    handle: "coffee-tea",
    name: "Coffee & Tea",
    parent: "home-kitchen",
    type: "Grocery",
    description: "Beans, leaves and brewing gear.",
    nouns: ["Espresso Beans", "Filter Roast", "Decaf Roast", "Green Tea", "Breakfast Tea", "Chai Blend", "Pour-Over Kit", "French Press"],
    series: ["Morning Ritual", "Lindenfeld", "Origin", "Roastery", "Slow Brew"],
    materials: ["Ethiopia Yirgacheffe", "Colombia Huila", "Brazil Cerrado"],
    nounMaterials: {
      "Green Tea": ["Sencha", "Gyokuro", "Jasmine"],
      "Breakfast Tea": ["Assam", "Ceylon", "Darjeeling"],
      "Chai Blend": ["Masala", "Rooibos", "Vanilla"],
      "Pour-Over Kit": ["Borosilicate", "Ceramic", "Stainless"],
      "French Press": ["Borosilicate", "Stainless", "Double-Walled"],
    },
    nounPrice: { "Pour-Over Kit": [29, 59], "French Press": [25, 69] },
    options: [{ title: "Size", values: ["250 g", "500 g", "1 kg"], pick: [2, 3] }],
    price: [9, 39],
    valueMultipliers: { "250 g": 1, "500 g": 1.8, "1 kg": 3.2 },
    weight: [250, 1000],
    searchTerms: ["coffee", "espresso", "coffee beans", "tea", "green tea", "french press", "decaf"],
    benefits: ["is roasted every Tuesday", "is traded directly with the farm", "brews a sweet, clean cup"],
  },
  {
    handle: "camping",
    name: "Camping",
    parent: "outdoor",
    type: "Outdoor",
    description: "Tents, sleeping bags and camp kitchen.",
    nouns: ["Two-Person Tent", "Sleeping Bag", "Sleeping Pad", "Camp Stove", "Headlamp", "Daypack", "Camp Chair", "Insulated Bottle"],
    series: ["Basecamp", "Summit", "Ridge", "Trailhead", "Nordkap"],
    materials: ["Ultralight", "Recycled Ripstop", "All-Season", "Trail"],
    nounMaterials: {
      "Sleeping Bag": ["Down-Filled", "Synthetic", "Three-Season"],
      "Camp Stove": ["Stainless", "Titanium", "Compact"],
      Headlamp: ["Rechargeable", "400-Lumen", "Compact"],
      "Camp Chair": ["Aluminium", "Folding", "Ultralight"],
      "Insulated Bottle": ["Stainless", "Vacuum", "Titanium"],
    },
    nounPrice: {
      "Two-Person Tent": [189, 349],
      "Sleeping Bag": [89, 249],
      "Sleeping Pad": [49, 129],
      Headlamp: [19, 59],
      "Insulated Bottle": [19, 39],
    },
    options: [{ title: "Color", values: ["Moss", "Ember", "Glacier", "Charcoal"], pick: [1, 3] }],
    price: [19, 349],
    weight: [200, 3500],
    searchTerms: ["tent", "sleeping bag", "backpack", "camping stove", "headlamp", "camping gear", "hiking"],
    benefits: ["weighs next to nothing", "sets up in two minutes", "survived a Scottish winter in testing"],
  },
  {
    handle: "cycling",
    name: "Cycling",
    parent: "outdoor",
    type: "Outdoor",
    description: "Bags, lights and riding kit.",
    nouns: ["Handlebar Bag", "Frame Bag", "Pannier", "Bike Light Set", "Cycling Cap", "Riding Gloves", "Bike Lock", "Saddle Bag"],
    series: ["Velo", "Gravel", "Commuter", "Lindenfeld", "Randonneur"],
    materials: ["Waxed Canvas", "Cordura", "Recycled Polyester"],
    nounMaterials: {
      "Bike Light Set": ["USB-C", "Aluminium", "Daylight"],
      "Cycling Cap": ["Merino", "Cotton", "Reflective"],
      "Riding Gloves": ["Leather", "Merino", "Windproof"],
      "Bike Lock": ["Hardened Steel", "Folding", "U-Lock"],
    },
    options: [{ title: "Color", values: ["Black", "Olive", "Signal Orange", "Navy"], pick: [1, 3] }],
    price: [15, 149],
    weight: [100, 1500],
    searchTerms: ["bike bag", "bike light", "pannier", "cycling", "bike lock", "gravel bike", "commuter"],
    benefits: ["is fully waterproof", "clips on without tools", "is visible from 300 m"],
  },
  {
    handle: "skincare",
    name: "Skincare",
    parent: "wellness",
    type: "Beauty",
    description: "Cleansers, balms and soaps.",
    nouns: ["Face Cleanser", "Day Cream", "Lip Balm", "Hand Cream", "Body Wash", "Bar Soap", "Sun Cream SPF 30", "Beard Oil"],
    series: ["Botanica", "Lindenfeld", "Apothecary", "Nordic Rituals", "Tide"],
    materials: ["Oat", "Sea Buckthorn", "Calendula", "Cedarwood", "Unscented"],
    nounPrice: { "Lip Balm": [5, 9], "Bar Soap": [6, 12], "Hand Cream": [9, 19] },
    options: [{ title: "Size", values: ["50 ml", "100 ml", "250 ml"], pick: [1, 2] }],
    price: [7, 45],
    valueMultipliers: { "50 ml": 1, "100 ml": 1.6, "250 ml": 2.8 },
    weight: [60, 300],
    searchTerms: ["face cream", "soap", "lip balm", "sunscreen", "natural skincare", "hand cream", "vegan skincare"],
    benefits: ["suits sensitive skin", "is made without fragrance or parabens", "comes in a refillable bottle"],
  },
  {
    handle: "yoga",
    name: "Yoga",
    parent: "wellness",
    type: "Wellness",
    description: "Mats, props and studio wear.",
    nouns: ["Yoga Mat", "Cork Block", "Strap", "Meditation Cushion", "Studio Leggings", "Travel Mat", "Bolster"],
    series: ["Flow", "Balance", "Lindenfeld", "Still", "Sun Salute"],
    materials: ["Natural Rubber", "Cork", "Organic Cotton", "Recycled TPE", "Buckwheat-Filled"],
    nounPrice: { "Cork Block": [12, 22], Strap: [8, 16], "Studio Leggings": [45, 79] },
    options: [{ title: "Color", values: ["Sage", "Charcoal", "Sand", "Plum"], pick: [1, 3] }],
    price: [12, 99],
    weight: [200, 2500],
    searchTerms: ["yoga mat", "yoga", "meditation", "leggings", "cork block", "pilates"],
    benefits: ["does not slip, even in hot yoga", "is free of PVC", "rolls up small"],
  },
  {
    handle: "desk",
    name: "Desk Accessories",
    parent: "work-study",
    type: "Office",
    description: "Organisers, lamps and stands.",
    nouns: ["Laptop Stand", "Desk Lamp", "Desk Organiser", "Monitor Riser", "Cable Tidy", "Desk Mat", "Pen Cup", "Wireless Charger"],
    series: ["Studio", "Lindenfeld", "Workshop", "Drafting", "Atelier"],
    materials: ["Oak", "Walnut", "Felt", "Powder-Coated Steel", "Vegetable-Tanned Leather"],
    nounMaterials: { "Wireless Charger": ["Oak", "Walnut", "Fabric"], "Desk Lamp": ["Powder-Coated Steel", "Brass", "Oak"] },
    nounPrice: { "Pen Cup": [12, 29], "Cable Tidy": [9, 24], "Desk Mat": [25, 69], "Laptop Stand": [49, 119] },
    options: [{ title: "Finish", values: ["Natural", "Black", "Walnut", "White"], pick: [1, 3] }],
    price: [15, 149],
    weight: [150, 3000],
    searchTerms: ["desk lamp", "laptop stand", "desk organizer", "home office", "desk mat", "monitor stand"],
    benefits: ["tidies a desk in a minute", "is made in a small workshop in Porto", "ships flat and assembles without tools"],
  },
  {
    handle: "notebooks-pens",
    name: "Notebooks & Pens",
    parent: "work-study",
    type: "Stationery",
    description: "Paper goods and writing tools.",
    nouns: ["Dot Grid Notebook", "Lined Notebook", "Weekly Planner", "Fountain Pen", "Gel Pen Set", "Sketchbook", "Pocket Notebook"],
    series: ["Field Notes", "Lindenfeld", "Journal", "Draftsman", "Studio"],
    materials: ["Recycled Paper", "Linen-Bound", "Cotton Paper"],
    nounMaterials: { "Fountain Pen": ["Brass", "Bamboo", "Aluminium"], "Gel Pen Set": ["Bamboo", "Recycled", "Fine-Line"] },
    nounPrice: { "Fountain Pen": [25, 59], "Gel Pen Set": [6, 14] },
    options: [{ title: "Format", values: ["A6", "A5", "A4"], pick: [1, 3] }],
    price: [6, 59],
    valueMultipliers: { A6: 0.8, A5: 1, A4: 1.3 },
    weight: [80, 600],
    searchTerms: ["notebook", "planner", "fountain pen", "pens", "journal", "sketchbook", "stationery"],
    benefits: ["takes fountain-pen ink without bleeding", "lies flat when open", "is bound by hand"],
  },
]

export const COLLECTIONS = [
  { handle: "new-arrivals", title: "New Arrivals" },
  { handle: "bestsellers", title: "Bestsellers" },
  { handle: "sustainable-edit", title: "The Sustainable Edit" },
  { handle: "weekend-outdoors", title: "Weekend Outdoors" },
  { handle: "home-office", title: "Home Office" },
  { handle: "gift-guide", title: "Gift Guide" },
  { handle: "everyday-essentials", title: "Everyday Essentials" },
] as const

/** Collections a category's products are most likely to land in. */
const COLLECTION_AFFINITY: Record<string, string[]> = {
  apparel: ["everyday-essentials", "new-arrivals", "sustainable-edit"],
  footwear: ["bestsellers", "weekend-outdoors", "new-arrivals"],
  "home-kitchen": ["gift-guide", "everyday-essentials", "bestsellers"],
  outdoor: ["weekend-outdoors", "bestsellers", "gift-guide"],
  wellness: ["sustainable-edit", "gift-guide", "everyday-essentials"],
  "work-study": ["home-office", "gift-guide", "new-arrivals"],
}

export const TAGS = ["organic", "recycled", "vegan", "bestseller", "limited-edition", "gift-idea", "handmade", "new"] as const

export type StockPlan = "in_stock" | "low_stock" | "out_of_stock" | "backorder"

export type VariantSpec = {
  title: string
  sku: string
  options: Record<string, string>
  prices: { eur: number; usd: number }
  allowBackorder: boolean
  stock: number
}

export type ProductSpec = {
  handle: string
  title: string
  subtitle: string
  description: string
  category: string
  collection: string
  type: string
  tags: string[]
  material: string
  weight: number
  options: Array<{ title: string; values: string[] }>
  variants: VariantSpec[]
  stockPlan: StockPlan
}

export const PRODUCTS_PER_CATEGORY = 12

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

/** A shop-style price: 24.95, 39.00, 129.00. */
function shopPrice(amount: number): number {
  if (amount < 20) return Math.max(1, Math.round(amount)) - 0.05
  if (amount < 100) return Math.round(amount / 5) * 5 - 0.05
  return Math.round(amount / 10) * 10 - 1
}

function cartesian(options: Array<{ title: string; values: string[] }>): Array<Record<string, string>> {
  let rows: Array<Record<string, string>> = [{}]
  for (const option of options) {
    rows = rows.flatMap((row) => option.values.map((value) => ({ ...row, [option.title]: value })))
  }
  return rows
}

function code(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, "").slice(0, 4).toUpperCase()
}

export function buildCatalog(seed = 20251129): ProductSpec[] {
  const rng = new Rng(`catalog:${seed}`)
  const products: ProductSpec[] = []
  const usedTitles = new Set<string>()

  for (const category of CATEGORIES) {
    for (let i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
      const noun = category.nouns[i % category.nouns.length]!
      let title = ""
      let material = ""
      for (let attempt = 0; attempt < 50; attempt++) {
        const series = rng.pick(category.series)
        material = rng.pick(category.nounMaterials?.[noun] ?? category.materials)
        title = `${series} ${material} ${noun}`
        if (!usedTitles.has(title)) break
      }
      usedTitles.add(title)
      const handle = slug(title)

      const options = category.options.map((spec) => {
        const count = rng.int(spec.pick[0], Math.min(spec.pick[1], spec.values.length))
        const start = rng.int(0, spec.values.length - count)
        // Contiguous runs for ordered scales (sizes), random picks for colours and finishes.
        const ordered = spec.title === "Size" || spec.title === "Format"
        const values = ordered ? spec.values.slice(start, start + count) : rng.sample(spec.values, count)
        return { title: spec.title, values }
      })

      const roll = rng.next()
      const stockPlan: StockPlan =
        roll < 0.05 ? "out_of_stock" : roll < 0.12 ? "backorder" : roll < 0.22 ? "low_stock" : "in_stock"

      const priceRange = category.nounPrice?.[noun] ?? category.price
      const base = rng.int(priceRange[0], priceRange[1])
      const firstOption = options[0]!
      const variants: VariantSpec[] = cartesian(options).map((combo) => {
        const multiplier = category.valueMultipliers?.[combo[firstOption.title]!] ?? 1
        const eur = shopPrice(base * multiplier)
        const usd = shopPrice(base * multiplier * 1.1)
        const stock =
          stockPlan === "out_of_stock"
            ? 0
            : stockPlan === "backorder"
              ? rng.int(0, 2)
              : stockPlan === "low_stock"
                ? rng.int(2, 9)
                : rng.int(40, 400)
        return {
          title: Object.values(combo).join(" / "),
          sku: `${code(category.handle)}-${String(i + 1).padStart(2, "0")}-${Object.values(combo).map(code).join("-")}`,
          options: combo,
          prices: { eur, usd },
          allowBackorder: stockPlan === "backorder",
          stock,
        }
      })

      const tags = new Set<string>()
      if (/organic|recycled|hemp|linen|cork|bamboo/i.test(material)) tags.add(rng.chance(0.5) ? "organic" : "recycled")
      if (/vegan|unscented|tpe/i.test(material) || category.handle === "skincare") tags.add("vegan")
      if (rng.chance(0.15)) tags.add("bestseller")
      if (rng.chance(0.08)) tags.add("limited-edition")
      if (rng.chance(0.2)) tags.add("gift-idea")
      if (rng.chance(0.1)) tags.add("handmade")
      if (rng.chance(0.12)) tags.add("new")

      const affinity = COLLECTION_AFFINITY[category.parent] ?? []
      const collection = rng.chance(0.8) ? rng.pick(affinity) : rng.pick(COLLECTIONS).handle
      const benefit = rng.pick(category.benefits)
      const description =
        `The ${title} is our take on the classic ${noun.toLowerCase()}: ${material.toLowerCase()}, ` +
        `honest construction and nothing you do not need. It ${benefit}, ` +
        `and it is part of our ${category.name.toLowerCase()} range.`

      products.push({
        handle,
        title,
        subtitle: `${material} ${noun.toLowerCase()}`,
        description,
        category: category.handle,
        collection,
        type: category.type,
        tags: [...tags],
        material,
        weight: rng.int(category.weight[0], category.weight[1]),
        options,
        variants,
        stockPlan,
      })
    }
  }
  return products
}
