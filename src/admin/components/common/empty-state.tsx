import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="flex flex-col items-center justify-center gap-y-1 px-6 py-8 text-center">
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    {children ? (
      <Text size="small" className="text-ui-fg-subtle">
        {children}
      </Text>
    ) : null}
  </div>
)
