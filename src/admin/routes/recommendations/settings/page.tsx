import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { ErrorState } from "../../../components/common/error-state"
import { LoadingState } from "../../../components/common/loading-state"
import { PageHeader } from "../../../components/common/page-header"
import { SettingsForm } from "../../../components/settings/settings-form"
import { useSettings } from "../../../hooks/use-settings"
import { withRecoQueryClient } from "../../../lib/query-client"

const SettingsPage = () => {
  const { data, error, isLoading } = useSettings()
  return (
    <Container className="divide-y p-0" data-testid="reco-settings">
      <PageHeader title="Recommendation settings" description="Run-time settings over the plugin options' defaults." />
      {error ? (
        <ErrorState error={error} what="the settings" />
      ) : isLoading || !data ? (
        <LoadingState rows={6} />
      ) : (
        <SettingsForm settings={data.settings} />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Settings", rank: 5 })

export default withRecoQueryClient(SettingsPage)
