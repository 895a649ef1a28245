import { Badge, Button, Table, toast, usePrompt } from "@medusajs/ui"
import { usePromoteArm } from "../../hooks/use-experiments"
import { formatAmount, formatInt, formatPercent } from "../../lib/format"
import { errorMessage } from "../../lib/http"
import type { Experiment, ExperimentResults } from "../../lib/types"
import { armStrategyLabel } from "./arm-summary"

const ci = (lo: number, hi: number, fmt: (n: number) => string) => `${fmt(lo)} – ${fmt(hi)}`

/** Per arm: visitors, conversions, conversion rate and revenue per visitor with 95% intervals. */
export const ArmResultsTable = ({ experiment, results }: { experiment: Experiment; results: ExperimentResults }) => {
  const promote = usePromoteArm()
  const prompt = usePrompt()
  const onPromote = async (arm: string) => {
    const ok = await prompt({
      title: `Promote "${arm}"?`,
      description: `The experiment stops and ${experiment.placement} serves "${arm}" to everyone from now on.`,
      confirmText: "Promote",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!ok) return
    promote.mutate(
      { id: experiment.id, arm },
      {
        onSuccess: () => toast.success("Arm promoted", { description: `${arm} is now permanent on ${experiment.placement}.` }),
        onError: (e) => toast.error("Could not promote", { description: errorMessage(e) }),
      }
    )
  }
  const armConfig = new Map(experiment.arms.map((a) => [a.name, a]))
  return (
    <Table data-testid="arm-results">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Arm</Table.HeaderCell>
          <Table.HeaderCell>Serves</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Traffic</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Visitors</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Conversions</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Conversion rate (95% CI)</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Revenue per visitor (95% CI)</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {results.arms.map((arm, i) => {
          const config = armConfig.get(arm.name)
          return (
            <Table.Row key={arm.name}>
              <Table.Cell>
                <div className="flex items-center gap-x-2">
                  <span className="txt-compact-small-plus">{arm.name}</span>
                  {i === 0 ? <Badge size="2xsmall">control</Badge> : null}
                  {experiment.winner_arm === arm.name ? (
                    <Badge size="2xsmall" color="purple">
                      winner
                    </Badge>
                  ) : null}
                </div>
              </Table.Cell>
              <Table.Cell>{config ? armStrategyLabel(config) : "–"}</Table.Cell>
              <Table.Cell className="text-right">{config ? `${config.traffic}%` : "–"}</Table.Cell>
              <Table.Cell className="text-right">{formatInt(arm.visitors)}</Table.Cell>
              <Table.Cell className="text-right">{formatInt(arm.conversions)}</Table.Cell>
              <Table.Cell className="text-right">
                <div className="flex flex-col items-end">
                  <span className="txt-compact-small-plus">{formatPercent(arm.conversion_rate, 2)}</span>
                  <span className="text-ui-fg-subtle txt-compact-xsmall">{ci(arm.conversion_ci[0], arm.conversion_ci[1], (n) => formatPercent(n, 2))}</span>
                </div>
              </Table.Cell>
              <Table.Cell className="text-right">
                {arm.revenue_per_visitor.length ? (
                  arm.revenue_per_visitor.map((r) => (
                    <div key={r.currency_code} className="flex flex-col items-end">
                      <span className="txt-compact-small-plus">{formatAmount(r.value, r.currency_code)}</span>
                      <span className="text-ui-fg-subtle txt-compact-xsmall">{ci(r.ci[0], r.ci[1], (n) => formatAmount(n, r.currency_code))}</span>
                    </div>
                  ))
                ) : (
                  <span className="text-ui-fg-muted">–</span>
                )}
              </Table.Cell>
              <Table.Cell className="text-right">
                {experiment.status === "running" ? (
                  <Button size="small" variant="secondary" onClick={() => void onPromote(arm.name)} isLoading={promote.isPending}>
                    Promote
                  </Button>
                ) : null}
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
