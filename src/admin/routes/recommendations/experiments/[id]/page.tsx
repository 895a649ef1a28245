import { ArrowLeft } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { ErrorState } from "../../../../components/common/error-state"
import { LoadingState } from "../../../../components/common/loading-state"
import { SectionHeader } from "../../../../components/common/section-header"
import { ArmResultsTable } from "../../../../components/experiments/arm-results-table"
import { ConversionCiChart } from "../../../../components/experiments/conversion-ci-chart"
import { ExperimentStatusBadge } from "../../../../components/experiments/experiment-status-badge"
import { SignificanceSummary } from "../../../../components/experiments/significance-summary"
import { useExperiment, useStopExperiment } from "../../../../hooks/use-experiments"
import { formatDate, humanize } from "../../../../lib/format"
import { errorMessage } from "../../../../lib/http"
import { withRecoQueryClient } from "../../../../lib/query-client"

const ExperimentDetailPage = () => {
  const { id = "" } = useParams()
  const { data, error, isLoading } = useExperiment(id)
  const stop = useStopExperiment()
  const prompt = usePrompt()

  const onStop = async () => {
    const ok = await prompt({
      title: "Stop this experiment?",
      description: "Every shopper goes back to what the placement served before. Results stay visible.",
      confirmText: "Stop",
      cancelText: "Keep running",
    })
    if (!ok) return
    stop.mutate(id, {
      onSuccess: () => toast.success("Experiment stopped"),
      onError: (e) => toast.error("Could not stop", { description: errorMessage(e) }),
    })
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="reco-experiment">
      <div>
        <Link to="/recommendations/experiments" className="text-ui-fg-subtle hover:text-ui-fg-base txt-compact-small inline-flex items-center gap-x-1">
          <ArrowLeft /> Experiments
        </Link>
      </div>
      {error ? (
        <Container className="p-0">
          <ErrorState error={error} what="the experiment" />
        </Container>
      ) : isLoading || !data ? (
        <Container className="p-0">
          <LoadingState rows={5} />
        </Container>
      ) : (
        <>
          <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
            <div className="flex flex-col gap-y-1">
              <div className="flex items-center gap-x-2">
                <Heading level="h1">{data.experiment.name}</Heading>
                <ExperimentStatusBadge experiment={data.experiment} />
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                {humanize(data.experiment.placement)} · started {formatDate(data.experiment.started_at)}
                {data.experiment.stopped_at ? ` · stopped ${formatDate(data.experiment.stopped_at)}` : ""}
              </Text>
            </div>
            {data.experiment.status === "running" ? (
              <Button size="small" variant="secondary" onClick={() => void onStop()} isLoading={stop.isPending} data-testid="stop-experiment">
                Stop
              </Button>
            ) : null}
          </Container>
          <Container className="divide-y p-0">
            <SectionHeader title="Results by arm" description="95% intervals; the first arm is the control." />
            <ArmResultsTable experiment={data.experiment} results={data.results} />
            <SignificanceSummary results={data.results} />
          </Container>
          <Container className="divide-y p-0">
            <SectionHeader title="Conversion rate" description="Per arm, with its 95% confidence interval" />
            <div className="px-6 py-4">
              <ConversionCiChart arms={data.results.arms} />
            </div>
          </Container>
        </>
      )}
    </div>
  )
}

export default withRecoQueryClient(ExperimentDetailPage)
