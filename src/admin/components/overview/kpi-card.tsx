import { Container, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type Props = { label: string; value: ReactNode; detail?: ReactNode; testId?: string }

export const KpiCard = ({ label, value, detail, testId }: Props) => (
  <Container className="flex flex-col gap-y-1 px-4 py-3" data-testid={testId}>
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus" leading="compact" className="text-ui-fg-base">
      {value}
    </Text>
    {detail ? (
      <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
        {detail}
      </Text>
    ) : null}
  </Container>
)
