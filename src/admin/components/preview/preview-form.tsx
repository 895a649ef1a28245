import { Input } from "@medusajs/ui"
import { useState } from "react"
import { LIST_PLACEMENTS } from "../../lib/types"
import { EntityPicker } from "../common/entity-picker"
import { Field } from "../common/field"
import { PlacementSelect } from "../common/placement-select"
import type { PreviewParams } from "./preview-params"
import { RegionSelect } from "./region-select"

type Props = { params: PreviewParams; onChange: (params: PreviewParams) => void }

/** Who is shopping, where, and on which placement. */
export const PreviewForm = ({ params, onChange }: Props) => {
  // Labels of the picked records, for the chips (the URL keeps only ids).
  const [labels, setLabels] = useState<{ customer?: string; product?: string }>({})
  const needsProduct = params.placement === "related" || params.placement === "bought_together"
  return (
    <div className="grid gap-4 px-6 py-4" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(280px, 1fr))" }} data-testid="preview-form">
      <Field label="Placement" htmlFor="preview-placement">
        <PlacementSelect
          id="preview-placement"
          value={params.placement}
          onChange={(p) => onChange({ ...params, placement: (p ?? "for_you") as PreviewParams["placement"] })}
          placements={LIST_PLACEMENTS}
        />
      </Field>
      <Field label="Customer" htmlFor="preview-customer" hint={params.customer_id ? undefined : "Empty: an anonymous shopper with no history."}>
        <EntityPicker
          id="preview-customer"
          kind="customer"
          value={params.customer_id}
          label={labels.customer}
          onChange={(id, label) => {
            setLabels((l) => ({ ...l, customer: label }))
            onChange({ ...params, customer_id: id })
          }}
        />
      </Field>
      <Field label="Product" htmlFor="preview-product" optional={!needsProduct}>
        <EntityPicker
          id="preview-product"
          kind="product"
          value={params.product_id}
          label={labels.product}
          onChange={(id, label) => {
            setLabels((l) => ({ ...l, product: label }))
            onChange({ ...params, product_id: id })
          }}
        />
      </Field>
      <Field label="Region" htmlFor="preview-region" hint="Prices and availability as the store API computes them there.">
        <RegionSelect id="preview-region" value={params.region_id} onChange={(region_id) => onChange({ ...params, region_id })} />
      </Field>
      {params.placement === "cart" || params.cart_id ? (
        <Field label="Cart id" htmlFor="preview-cart" optional={params.placement !== "cart"}>
          <Input id="preview-cart" size="small" value={params.cart_id} onChange={(e) => onChange({ ...params, cart_id: e.target.value.trim() })} placeholder="cart_…" />
        </Field>
      ) : null}
      <Field label="Items" htmlFor="preview-limit">
        <Input
          id="preview-limit"
          size="small"
          type="number"
          min={1}
          max={50}
          value={params.limit}
          onChange={(e) => onChange({ ...params, limit: Math.max(1, Math.min(50, Number(e.target.value) || 12)) })}
        />
      </Field>
    </div>
  )
}
