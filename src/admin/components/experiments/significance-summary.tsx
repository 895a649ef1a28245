import { Badge, Text } from "@medusajs/ui"
import type { ExperimentResults } from "../../lib/types"

const p = (value: number) => (value < 0.0001 ? "< 0.0001" : value.toFixed(4))

const Verdict = ({ significant }: { significant: boolean }) => (
  <Badge size="2xsmall" color={significant ? "green" : "grey"}>
    {significant ? "significant at 95%" : "not significant"}
  </Badge>
)

/** The two-sided tests between the first two arms (control first). */
export const SignificanceSummary = ({ results }: { results: ExperimentResults }) => (
  <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2" data-testid="significance">
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus" leading="compact">
        Conversion (two-proportion z-test)
      </Text>
      {results.conversion_test ? (
        <>
          <Text size="small" className="text-ui-fg-subtle">
            {results.conversion_test.treatment} vs {results.conversion_test.control}: z = {results.conversion_test.z.toFixed(3)}, p ={" "}
            {p(results.conversion_test.p_value)}
          </Text>
          <div>
            <Verdict significant={results.conversion_test.significant} />
          </div>
        </>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          Not enough visitors yet.
        </Text>
      )}
    </div>
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus" leading="compact">
        Revenue per visitor (Welch t-test)
      </Text>
      {results.revenue_test ? (
        <>
          <Text size="small" className="text-ui-fg-subtle">
            {results.revenue_test.currency_code.toUpperCase()}: t = {results.revenue_test.t.toFixed(3)}, df = {results.revenue_test.df.toFixed(1)}, p ={" "}
            {p(results.revenue_test.p_value)}
          </Text>
          <div>
            <Verdict significant={results.revenue_test.significant} />
          </div>
        </>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          Not enough revenue yet.
        </Text>
      )}
    </div>
  </div>
)
