import { XMarkMini } from "@medusajs/icons"
import { IconButton, Input, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { useDebounced } from "../../hooks/use-debounced"
import { useEntityLabel, usePickerOptions } from "../../hooks/use-picker-options"
import type { PickerKind } from "../../lib/medusa-lists"

type Props = {
  kind: PickerKind
  value: string
  /** The chosen id (and its label when picked from the list). */
  onChange: (id: string, label?: string) => void
  label?: string
  placeholder?: string
  id?: string
}

const looksLikeId = (text: string) => /^[a-z]+_[A-Za-z0-9]{6,}$/.test(text.trim())

/**
 * Search Medusa's own records by name, or paste an id. Once chosen, the value is shown as a chip
 * with its id and a button to clear it.
 */
export const EntityPicker = ({ kind, value, onChange, label, placeholder, id }: Props) => {
  const [text, setText] = useState("")
  const [open, setOpen] = useState(false)
  const q = useDebounced(text, 250)
  const { data: options = [], isFetching } = usePickerOptions(kind, q, open)
  const { data: lookedUp } = useEntityLabel(kind, value, !label)
  const shown = label || lookedUp || undefined

  if (value) {
    return (
      <div className="bg-ui-bg-field shadow-borders-base flex h-8 items-center justify-between gap-x-2 rounded-md pl-2 pr-1">
        <div className="flex min-w-0 items-center gap-x-2">
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {shown || value}
          </Text>
          {shown && shown !== value ? (
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted truncate font-mono">
              {value}
            </Text>
          ) : null}
        </div>
        <IconButton size="2xsmall" variant="transparent" type="button" aria-label="Clear" onClick={() => onChange("")}>
          <XMarkMini />
        </IconButton>
      </div>
    )
  }

  const pick = (next: string, nextLabel?: string) => {
    onChange(next, nextLabel)
    setText("")
    setOpen(false)
  }

  return (
    <div className="relative">
      <Input
        id={id}
        size="small"
        type="search"
        autoComplete="off"
        placeholder={placeholder ?? `Search ${kind}s by name, or paste an id`}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault()
            if (looksLikeId(text)) pick(text.trim())
            else if (options[0]) pick(options[0].value, options[0].label)
          }
        }}
      />
      {open ? (
        <div
          role="listbox"
          className="bg-ui-bg-base shadow-elevation-flyout absolute left-0 right-0 z-50 mt-1 overflow-y-auto rounded-lg p-1"
          style={{ top: "100%", maxHeight: 256 }}
        >
          {looksLikeId(text) ? (
            <PickerRow label={`Use id ${text.trim()}`} onPick={() => pick(text.trim())} />
          ) : null}
          {options.map((o) => (
            <PickerRow key={o.value} label={o.label} hint={o.hint ?? o.value} onPick={() => pick(o.value, o.label)} />
          ))}
          {!options.length && !looksLikeId(text) ? (
            <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
              {isFetching ? "Searching…" : "Nothing found"}
            </Text>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

const PickerRow = ({ label, hint, onPick }: { label: string; hint?: string; onPick: () => void }) => (
  <button
    type="button"
    role="option"
    aria-selected={false}
    className={clx("hover:bg-ui-bg-base-hover flex w-full items-center justify-between gap-x-2 rounded-md px-2 py-1.5 text-left")}
    onMouseDown={(e) => e.preventDefault()}
    onClick={onPick}
  >
    <Text size="small" leading="compact" className="truncate">
      {label}
    </Text>
    {hint ? (
      <Text size="xsmall" leading="compact" className="text-ui-fg-muted truncate">
        {hint}
      </Text>
    ) : null}
  </button>
)
