import { Badge, Drawer, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatDate, formatDecimal, formatDuration, formatInt, humanize } from "../../lib/format"
import type { ModelRun } from "../../lib/types"
import { LiftBadge } from "./lift-badge"
import { RunStatusBadge } from "./run-status-badge"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid items-start gap-x-3 py-1.5" style={{ gridTemplateColumns: "140px 1fr" }}>
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small min-w-0 break-words">{children}</div>
  </div>
)

/** Every offline metric beside its baseline, the parameters and why the run was (not) activated. */
export const RunDetailsDrawer = ({ run, onClose }: { run: ModelRun | null; onClose: () => void }) => (
  <Drawer open={!!run} onOpenChange={(open) => (!open ? onClose() : undefined)}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title>{run ? `${humanize(run.model_kind)} run` : "Run"}</Drawer.Title>
        <Drawer.Description className="sr-only">Details of a model training run</Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        {run ? (
          <>
            <div className="flex flex-col">
              <Row label="Run">{<span className="font-mono">{run.id}</span>}</Row>
              <Row label="Status">
                <div className="flex items-center gap-x-2">
                  <RunStatusBadge status={run.status} />
                  {run.is_active ? <Badge size="2xsmall" color="green">Active</Badge> : null}
                </div>
              </Row>
              <Row label="Algorithm">{run.algorithm}</Row>
              <Row label="Backend">{run.backend ?? "–"}</Row>
              <Row label="Trigger">{run.trigger ?? "–"}</Row>
              <Row label="Events">{formatInt(run.event_count)}</Row>
              <Row label="Data up to">{formatDate(run.data_cutoff)}</Row>
              <Row label="Started">{formatDate(run.started_at)}</Row>
              <Row label="Duration">{formatDuration(run.started_at, run.finished_at)}</Row>
              <Row label="Activated">{formatDate(run.activated_at)}</Row>
              <Row label="Lift">
                <LiftBadge lift={run.lift} />
              </Row>
              {run.reason ? <Row label="Decision">{run.reason}</Row> : null}
              {run.error ? <Row label="Error">{<span className="text-ui-fg-error">{run.error}</span>}</Row> : null}
            </div>
            <div className="flex flex-col gap-y-2">
              <Heading level="h3">Holdout metrics</Heading>
              <MetricsTable metrics={run.metrics ?? {}} baseline={run.baseline_metrics ?? {}} />
            </div>
            {run.params && Object.keys(run.params).length ? (
              <div className="flex flex-col gap-y-2">
                <Heading level="h3">Parameters</Heading>
                <pre className="bg-ui-bg-subtle txt-compact-xsmall overflow-x-auto rounded-md p-3 font-mono">
                  {JSON.stringify(run.params, null, 2)}
                </pre>
              </div>
            ) : null}
          </>
        ) : null}
      </Drawer.Body>
    </Drawer.Content>
  </Drawer>
)

const MetricsTable = ({ metrics, baseline }: { metrics: Record<string, number>; baseline: Record<string, number> }) => {
  const keys = [...new Set([...Object.keys(metrics), ...Object.keys(baseline)])]
  if (!keys.length) return <Text size="small" className="text-ui-fg-muted">No metrics recorded.</Text>
  return (
    <div className="divide-y rounded-md border">
      <div className="text-ui-fg-subtle txt-compact-xsmall-plus grid grid-cols-3 px-3 py-2">
        <span>Metric</span>
        <span className="text-right">Model</span>
        <span className="text-right">Baseline</span>
      </div>
      {keys.map((k) => (
        <div key={k} className="txt-compact-small grid grid-cols-3 px-3 py-2">
          <span>{k}</span>
          <span className="text-right tabular-nums">{formatDecimal(metrics[k])}</span>
          <span className="text-ui-fg-subtle text-right tabular-nums">{formatDecimal(baseline[k])}</span>
        </div>
      ))}
    </div>
  )
}
