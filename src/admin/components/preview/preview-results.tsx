import { Badge, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDecimal, humanize } from "../../lib/format"
import type { PreviewResponse } from "../../lib/types"
import { EmptyState } from "../common/empty-state"
import { ProductThumbnail } from "../common/product-thumbnail"
import { lowestPrice } from "./preview-price"

/** Exactly the items the store API returns, in order, with score, reason and price. */
export const PreviewResults = ({ preview, customerId }: { preview: PreviewResponse; customerId?: string }) => (
  <div className="divide-y" data-testid="preview-results" data-recommendation-id={preview.recommendation_id} data-customer-id={customerId ?? ""}>
    <div className="flex flex-wrap items-center gap-2 px-6 py-3">
      {preview.model ? (
        <Badge size="2xsmall" color="blue">
          {humanize(preview.model.kind)} · {preview.model.algorithm} · run {preview.model.run_id.slice(0, 8)}
        </Badge>
      ) : (
        <Badge size="2xsmall">no model</Badge>
      )}
      {preview.fallback ? (
        <Badge size="2xsmall" color="orange">
          fallback: {preview.fallback}
        </Badge>
      ) : null}
      {preview.experiment ? (
        <Badge size="2xsmall" color="purple">
          experiment arm: {preview.experiment.arm}
        </Badge>
      ) : null}
      <Text size="xsmall" className="text-ui-fg-muted">
        {preview.items.length} item(s)
      </Text>
    </div>
    {preview.items.length ? (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-10">#</Table.HeaderCell>
            <Table.HeaderCell>Product</Table.HeaderCell>
            <Table.HeaderCell>Price</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Score</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {preview.items.map((item, i) => (
            <Table.Row key={item.product.id} data-testid="preview-item" data-product-id={item.product.id} data-reason={item.reason.code}>
              <Table.Cell className="text-ui-fg-subtle tabular-nums">{i + 1}</Table.Cell>
              <Table.Cell>
                <div className="flex items-center gap-x-3 py-1">
                  <ProductThumbnail src={item.product.thumbnail} alt={item.product.title ?? ""} />
                  <div className="flex flex-col">
                    <Link to={`/products/${item.product.id}`} className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive-hover">
                      {item.product.title ?? item.product.id}
                    </Link>
                    <Text size="xsmall" leading="compact" className="text-ui-fg-muted font-mono">
                      {item.product.id}
                    </Text>
                  </div>
                </div>
              </Table.Cell>
              <Table.Cell>{lowestPrice(item.product)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatDecimal(item.score)}</Table.Cell>
              <Table.Cell>
                <div className="flex flex-col gap-y-0.5">
                  <Text size="small" leading="compact">
                    {item.reason.text}
                  </Text>
                  <div>
                    <Badge size="2xsmall">{item.reason.code}</Badge>
                  </div>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    ) : (
      <EmptyState title="The store API would show nothing here">
        The placement may be switched off in Settings, or there is no behaviour and no trending list yet.
      </EmptyState>
    )}
  </div>
)
