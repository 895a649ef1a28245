import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

type Props = { label: string; htmlFor?: string; hint?: ReactNode; error?: string | null; children: ReactNode; optional?: boolean }

/** A labelled form field in Medusa's form layout. */
export const Field = ({ label, htmlFor, hint, error, children, optional }: Props) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={htmlFor} size="small" weight="plus">
      {label}
      {optional ? <span className="text-ui-fg-muted font-normal"> (optional)</span> : null}
    </Label>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint ? <Hint>{hint}</Hint> : null}
  </div>
)
