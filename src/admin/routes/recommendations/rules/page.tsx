import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Plus } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { EmptyState } from "../../../components/common/empty-state"
import { ErrorState } from "../../../components/common/error-state"
import { LoadingState } from "../../../components/common/loading-state"
import { PageHeader } from "../../../components/common/page-header"
import { Pager } from "../../../components/common/pager"
import { PlacementSelect } from "../../../components/common/placement-select"
import { RuleDrawer } from "../../../components/rules/rule-drawer"
import { RulesTable } from "../../../components/rules/rules-table"
import { useRules } from "../../../hooks/use-rules"
import { withRecoQueryClient } from "../../../lib/query-client"
import { PLACEMENTS, type Rule } from "../../../lib/types"

const LIMIT = 20

const RulesPage = () => {
  const [placement, setPlacement] = useState<string | null>(null)
  const [offset, setOffset] = useState(0)
  const [drawer, setDrawer] = useState<{ open: boolean; rule: Rule | null }>({ open: false, rule: null })
  const { data, error, isLoading } = useRules({ placement: placement ?? undefined, limit: LIMIT, offset })
  return (
    <Container className="divide-y p-0" data-testid="reco-rules">
      <PageHeader
        title="Merchant rules"
        description="Pin, boost, bury or exclude products, categories and collections, applied after the model."
        actions={
          <>
            <PlacementSelect
              inline
              value={placement}
              onChange={(p) => {
                setPlacement(p)
                setOffset(0)
              }}
              placements={PLACEMENTS}
              allLabel="All placements"
            />
            <Button size="small" variant="secondary" onClick={() => setDrawer({ open: true, rule: null })} data-testid="create-rule">
              <Plus />
              Create
            </Button>
          </>
        }
      />
      {error ? (
        <ErrorState error={error} what="the rules" />
      ) : isLoading || !data ? (
        <LoadingState />
      ) : data.rules.length ? (
        <>
          <RulesTable rules={data.rules} onEdit={(rule) => setDrawer({ open: true, rule })} />
          <Pager count={data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />
        </>
      ) : (
        <EmptyState title="No rules">Rules you create here, or from a product's page, apply to the lists at once.</EmptyState>
      )}
      <RuleDrawer open={drawer.open} rule={drawer.rule} onOpenChange={(open) => setDrawer((d) => ({ ...d, open }))} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Rules", rank: 3 })

export default withRecoQueryClient(RulesPage)
