import { ArrowPath } from "@medusajs/icons"
import { Button, DropdownMenu, toast } from "@medusajs/ui"
import { useRetrain } from "../../hooks/use-models"
import { errorMessage } from "../../lib/http"
import type { RetrainMode } from "../../lib/types"

/** Queues a training job: full (every model kind on all data) or incremental (refresh). */
export const RetrainMenu = ({ onQueued }: { onQueued?: () => void }) => {
  const retrain = useRetrain()
  const start = (mode: RetrainMode) =>
    retrain.mutate(mode, {
      onSuccess: (res) => {
        toast.success("Training queued", { description: `Job ${res.job_id} (${res.mode}) is waiting for a worker.` })
        onQueued?.()
      },
      onError: (e) => toast.error("Could not queue training", { description: errorMessage(e) }),
    })
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" isLoading={retrain.isPending} data-testid="retrain-button">
          <ArrowPath />
          Retrain
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item onClick={() => start("full")} data-testid="retrain-full">
          Full retrain (every model, all data)
        </DropdownMenu.Item>
        <DropdownMenu.Item onClick={() => start("incremental")} data-testid="retrain-incremental">
          Incremental refresh
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
