import { Button, toast, usePrompt } from "@medusajs/ui"
import { useActivateRun, useCancelRun } from "../../hooks/use-models"
import { humanize } from "../../lib/format"
import { errorMessage } from "../../lib/http"
import type { ModelRun } from "../../lib/types"

type Props = { run: ModelRun; /** the kind's active run, when known */ active?: ModelRun }

/** Activate (or roll back to) a succeeded run; cancel a queued or running one. */
export const RunActions = ({ run, active }: Props) => {
  const activate = useActivateRun()
  const cancel = useCancelRun()
  const prompt = usePrompt()
  const isRollback = !!active && new Date(run.created_at) < new Date(active.created_at)

  const onActivate = async () => {
    const ok = await prompt({
      title: isRollback ? "Roll back to this run?" : "Activate this run?",
      description: `Serving switches at once to this ${humanize(run.model_kind)} run's lists${active ? `, replacing the run from ${new Date(active.created_at).toLocaleString()}` : ""}.`,
      confirmText: isRollback ? "Roll back" : "Activate",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!ok) return
    activate.mutate(run.id, {
      onSuccess: () => toast.success(isRollback ? "Rolled back" : "Run activated", { description: `${humanize(run.model_kind)} now serves run ${run.id.slice(0, 8)}.` }),
      onError: (e) => toast.error("Could not activate", { description: errorMessage(e) }),
    })
  }
  const onCancel = () =>
    cancel.mutate(run.id, {
      onSuccess: () => toast.success("Cancel requested"),
      onError: (e) => toast.error("Could not cancel", { description: errorMessage(e) }),
    })

  if (run.status === "succeeded" && !run.is_active) {
    return (
      <Button size="small" variant="secondary" onClick={(e) => (e.stopPropagation(), void onActivate())} isLoading={activate.isPending}>
        {isRollback ? "Roll back" : "Activate"}
      </Button>
    )
  }
  if (run.status === "queued" || run.status === "running") {
    return (
      <Button size="small" variant="secondary" onClick={(e) => (e.stopPropagation(), onCancel())} isLoading={cancel.isPending}>
        Cancel
      </Button>
    )
  }
  return null
}
