import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Plus } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { ErrorState } from "../components/common/error-state"
import { LoadingState } from "../components/common/loading-state"
import { SectionHeader } from "../components/common/section-header"
import { RuleDrawer } from "../components/rules/rule-drawer"
import type { RuleFormValues } from "../components/rules/rule-form-values"
import { ProductListSection } from "../components/widgets/product-list-section"
import { ProductRulesList } from "../components/widgets/product-rules-list"
import { useProductRecommendations } from "../hooks/use-widgets"
import { withRecoQueryClient } from "../lib/query-client"

/** Product page: what is recommended beside this product, with pin and exclude in place. */
const ProductRecommendationsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data, error, isLoading } = useProductRecommendations(product.id)
  const [seed, setSeed] = useState<Partial<RuleFormValues> | null>(null)
  return (
    <Container className="divide-y p-0" data-testid="reco-product-widget">
      <SectionHeader
        title="Recommendations"
        description="What shoppers see next to this product"
        actions={
          <Button
            size="small"
            variant="secondary"
            onClick={() => setSeed({ action: "boost", target_type: "product", target_id: product.id, target_label: product.title })}
          >
            <Plus />
            Rule for this product
          </Button>
        }
      />
      {error ? (
        <ErrorState error={error} what="the recommendations" />
      ) : isLoading || !data ? (
        <LoadingState rows={4} />
      ) : (
        <>
          <ProductListSection placement="related" title="Related" items={data.related} onPin={setSeed} />
          <ProductListSection placement="bought_together" title="Frequently bought together" items={data.bought_together} onPin={setSeed} />
          <ProductRulesList rules={data.rules} />
        </>
      )}
      <RuleDrawer open={seed !== null} seed={seed ?? undefined} onOpenChange={(open) => (!open ? setSeed(null) : undefined)} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after", id: "medusa-plugin-recommendations:product" })

export default withRecoQueryClient(ProductRecommendationsWidget)
