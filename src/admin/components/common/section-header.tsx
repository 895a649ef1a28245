import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type Props = { title: string; description?: string; actions?: ReactNode }

export const SectionHeader = ({ title, description, actions }: Props) => (
  <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
    <div>
      <Heading level="h2">{title}</Heading>
      {description ? (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      ) : null}
    </div>
    {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
  </div>
)
