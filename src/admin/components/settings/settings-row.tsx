import { Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A settings row: title and explanation on the left, the control on the right. */
export const SettingsRow = ({ title, description, htmlFor, children }: { title: string; description: ReactNode; htmlFor?: string; children: ReactNode }) => (
  <div className="grid grid-cols-1 items-start gap-4 px-6 py-4 md:grid-cols-2">
    <div className="flex flex-col gap-y-0.5">
      <Label htmlFor={htmlFor} size="small" weight="plus">
        {title}
      </Label>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    <div>{children}</div>
  </div>
)
