import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { EmptyState } from "../../../components/common/empty-state"
import { ErrorState } from "../../../components/common/error-state"
import { LoadingState } from "../../../components/common/loading-state"
import { PageHeader } from "../../../components/common/page-header"
import { PreviewForm } from "../../../components/preview/preview-form"
import { previewQuery, readPreviewParams, writePreviewParams } from "../../../components/preview/preview-params"
import { PreviewResults } from "../../../components/preview/preview-results"
import { usePreview } from "../../../hooks/use-preview"
import { withRecoQueryClient } from "../../../lib/query-client"

const PreviewPage = () => {
  const [search, setSearch] = useSearchParams()
  const params = readPreviewParams(search)
  const { query, missing } = previewQuery(params)
  const { data, error, isLoading, isFetching, refetch } = usePreview(query)
  return (
    <Container className="divide-y p-0" data-testid="reco-preview">
      <PageHeader
        title="Preview"
        description="What the store API would answer for this shopper, placement and region: same items, order, reasons and prices. Nothing is recorded."
        actions={
          <Button size="small" variant="secondary" onClick={() => void refetch()} disabled={!query} isLoading={isFetching} data-testid="refresh-preview">
            <ArrowPath />
            Refresh
          </Button>
        }
      />
      <PreviewForm params={params} onChange={(next) => setSearch(writePreviewParams(next), { replace: true })} />
      {missing ? (
        <EmptyState title={missing} />
      ) : error ? (
        <ErrorState error={error} what="the preview" />
      ) : isLoading || !data ? (
        <LoadingState rows={6} />
      ) : (
        <PreviewResults preview={data} customerId={query?.customer_id} />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Preview", rank: 4 })

export default withRecoQueryClient(PreviewPage)
