import { Button, Input, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useUpdateSettings } from "../../hooks/use-settings"
import { errorMessage } from "../../lib/http"
import type { Settings } from "../../lib/types"
import { CRON_PRESETS, describeCron, isCronLike } from "./cron-presets"
import { PlacementsSwitches } from "./placements-switches"
import { SettingsRow } from "./settings-row"

const CUSTOM = "__custom__"

type Draft = { retrain_cron: string; attribution_window_days: string; retention_days: string; placements: Record<string, boolean> }

const toDraft = (s: Settings): Draft => ({
  retrain_cron: s.retrain_cron,
  attribution_window_days: String(s.attribution_window_days),
  retention_days: String(s.retention_days),
  placements: { ...s.placements },
})

/** Only what changed is sent. */
function diff(saved: Settings, draft: Draft): Partial<Settings> {
  const patch: Partial<Settings> = {}
  if (draft.retrain_cron.trim() !== saved.retrain_cron) patch.retrain_cron = draft.retrain_cron.trim()
  if (Number(draft.attribution_window_days) !== saved.attribution_window_days) patch.attribution_window_days = Number(draft.attribution_window_days)
  if (Number(draft.retention_days) !== saved.retention_days) patch.retention_days = Number(draft.retention_days)
  if (Object.entries(draft.placements).some(([k, v]) => saved.placements[k] !== v)) patch.placements = draft.placements
  return patch
}

export const SettingsForm = ({ settings }: { settings: Settings }) => {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings))
  const update = useUpdateSettings()
  useEffect(() => setDraft(toDraft(settings)), [settings])

  const patch = diff(settings, draft)
  const errors: string[] = []
  if (!isCronLike(draft.retrain_cron)) errors.push("The schedule needs five cron fields, or off.")
  const windowDays = Number(draft.attribution_window_days)
  if (!Number.isInteger(windowDays) || windowDays < 1) errors.push("The attribution window is a whole number of days, at least 1.")
  const retention = Number(draft.retention_days)
  if (!Number.isInteger(retention) || retention < 1) errors.push("Retention is a whole number of days, at least 1.")
  const preset = CRON_PRESETS.some((p) => p.value === draft.retrain_cron.trim()) ? draft.retrain_cron.trim() : CUSTOM

  const save = () =>
    update.mutate(patch, {
      onSuccess: () => toast.success("Settings saved", { description: "Schedules and serving use them from now on." }),
      onError: (e) => toast.error("Could not save the settings", { description: errorMessage(e) }),
    })

  return (
    <div className="divide-y" data-testid="settings-form">
      <SettingsRow title="Retrain schedule" htmlFor="settings-cron" description={`Full retrain of every model kind. ${describeCron(draft.retrain_cron)}.`}>
        <div className="flex flex-col gap-y-2">
          <Select size="small" value={preset} onValueChange={(v) => v !== CUSTOM && setDraft({ ...draft, retrain_cron: v })}>
            <Select.Trigger aria-label="Schedule preset">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {CRON_PRESETS.map((p) => (
                <Select.Item key={p.value} value={p.value}>
                  {p.label}
                </Select.Item>
              ))}
              <Select.Item value={CUSTOM}>Custom cron expression</Select.Item>
            </Select.Content>
          </Select>
          <Input
            id="settings-cron"
            size="small"
            className="font-mono"
            value={draft.retrain_cron}
            onChange={(e) => setDraft({ ...draft, retrain_cron: e.target.value })}
            placeholder="0 3 * * *"
          />
        </div>
      </SettingsRow>
      <SettingsRow
        title="Attribution window"
        htmlFor="settings-window"
        description="An order line counts for a recommendation the shopper clicked (or saw) this many days before ordering. Clicks win over impressions."
      >
        <div className="flex items-center gap-x-2">
          <Input id="settings-window" size="small" type="number" min={1} value={draft.attribution_window_days} onChange={(e) => setDraft({ ...draft, attribution_window_days: e.target.value })} />
          <Text size="small" className="text-ui-fg-subtle">
            days
          </Text>
        </div>
      </SettingsRow>
      <SettingsRow title="Placements" description="A placement switched off answers with an empty list; the storefront keeps working.">
        <PlacementsSwitches value={draft.placements} onChange={(placements) => setDraft({ ...draft, placements })} />
      </SettingsRow>
      <SettingsRow
        title="Retention"
        htmlFor="settings-retention"
        description="Behaviour and served lists older than this are deleted by the daily purge."
      >
        <div className="flex items-center gap-x-2">
          <Input id="settings-retention" size="small" type="number" min={1} value={draft.retention_days} onChange={(e) => setDraft({ ...draft, retention_days: e.target.value })} />
          <Text size="small" className="text-ui-fg-subtle">
            days
          </Text>
        </div>
      </SettingsRow>
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        {errors.length ? (
          <Text size="small" className="text-ui-fg-error flex-1">
            {errors[0]}
          </Text>
        ) : null}
        <Button size="small" variant="secondary" disabled={!Object.keys(patch).length} onClick={() => setDraft(toDraft(settings))}>
          Reset
        </Button>
        <Button size="small" onClick={save} disabled={!Object.keys(patch).length || errors.length > 0} isLoading={update.isPending} data-testid="save-settings">
          Save
        </Button>
      </div>
    </div>
  )
}
