// Read-only look-ups in Medusa's own admin API, for the pickers (products, customers, categories,
// collections, regions). Everything about recommendations goes through ./api.ts.
import { request } from "./http"
import type { PickerOption } from "./types"

export type PickerKind = "product" | "customer" | "category" | "collection" | "region"

type Named = { id: string; title?: string | null; name?: string | null; handle?: string | null }
type CustomerRow = { id: string; email?: string | null; first_name?: string | null; last_name?: string | null }
type RegionRow = { id: string; name: string; currency_code: string }

const LIMIT = 20

export async function searchOptions(kind: PickerKind, q: string): Promise<PickerOption[]> {
  const query = { q: q || undefined, limit: LIMIT }
  switch (kind) {
    case "product": {
      const res = await request<{ products: Named[] }>("GET", "/admin/products", { query: { ...query, fields: "id,title,handle" } })
      return res.products.map((p) => ({ value: p.id, label: p.title ?? p.id, hint: p.handle ?? undefined }))
    }
    case "customer": {
      const res = await request<{ customers: CustomerRow[] }>("GET", "/admin/customers", {
        query: { ...query, fields: "id,email,first_name,last_name" },
      })
      return res.customers.map((c) => {
        const name = [c.first_name, c.last_name].filter(Boolean).join(" ")
        return { value: c.id, label: name || c.email || c.id, hint: name ? c.email ?? undefined : undefined }
      })
    }
    case "category": {
      const res = await request<{ product_categories: Named[] }>("GET", "/admin/product-categories", {
        query: { ...query, fields: "id,name,handle" },
      })
      return res.product_categories.map((c) => ({ value: c.id, label: c.name ?? c.id, hint: c.handle ?? undefined }))
    }
    case "collection": {
      const res = await request<{ collections: Named[] }>("GET", "/admin/collections", { query: { ...query, fields: "id,title,handle" } })
      return res.collections.map((c) => ({ value: c.id, label: c.title ?? c.id, hint: c.handle ?? undefined }))
    }
    case "region": {
      const res = await request<{ regions: RegionRow[] }>("GET", "/admin/regions", { query: { ...query, fields: "id,name,currency_code" } })
      return res.regions.map((r) => ({ value: r.id, label: r.name, hint: r.currency_code.toUpperCase() }))
    }
  }
}

/** The display name of one record, for a picker that was given only an id (e.g. from the URL). */
export async function lookupLabel(kind: PickerKind, id: string): Promise<string | null> {
  const one = async <T>(path: string, key: string, fields: string) =>
    (await request<Record<string, T>>("GET", `${path}/${encodeURIComponent(id)}`, { query: { fields } }))[key]
  try {
    switch (kind) {
      case "product":
        return (await one<Named>("/admin/products", "product", "id,title"))?.title ?? null
      case "customer": {
        const c = await one<CustomerRow>("/admin/customers", "customer", "id,email,first_name,last_name")
        return c ? [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || null : null
      }
      case "category":
        return (await one<Named>("/admin/product-categories", "product_category", "id,name"))?.name ?? null
      case "collection":
        return (await one<Named>("/admin/collections", "collection", "id,title"))?.title ?? null
      case "region":
        return (await one<RegionRow>("/admin/regions", "region", "id,name"))?.name ?? null
    }
  } catch {
    return null
  }
}
