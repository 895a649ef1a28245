import { Plus } from "@medusajs/icons"
import { Alert, Button, FocusModal, Heading, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCreateExperiment } from "../../hooks/use-experiments"
import { useModelRuns } from "../../hooks/use-models"
import { errorMessage } from "../../lib/http"
import { LIST_PLACEMENTS, type Arm } from "../../lib/types"
import { Field } from "../common/field"
import { PlacementSelect } from "../common/placement-select"
import { ArmEditor } from "./arm-editor"
import { experimentErrors } from "./experiment-validation"

const initialArms = (): Arm[] => [
  { name: "control", traffic: 50, strategy: "active_model" },
  { name: "trending", traffic: 50, strategy: "trending" },
]

export const CreateExperimentModal = () => {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState("")
  const [placement, setPlacement] = useState<string>("for_you")
  const [arms, setArms] = useState<Arm[]>(initialArms)
  const [submitted, setSubmitted] = useState(false)
  const create = useCreateExperiment()
  const navigate = useNavigate()
  const runs = useModelRuns({ status: "succeeded", limit: 100 }).data?.model_runs ?? []
  const errors = experimentErrors(name, arms)

  const reset = () => {
    setName("")
    setPlacement("for_you")
    setArms(initialArms())
    setSubmitted(false)
  }
  const submit = () => {
    setSubmitted(true)
    if (errors.length) return
    const body = { name: name.trim(), placement, arms: arms.map((a) => ({ ...a, name: a.name.trim() })) }
    create.mutate(body, {
      onSuccess: ({ experiment }) => {
        toast.success("Experiment started", { description: `${experiment.name} now splits ${experiment.placement} traffic.` })
        setOpen(false)
        reset()
        navigate(`/recommendations/experiments/${experiment.id}`)
      },
      onError: (e) => toast.error("Could not start the experiment", { description: errorMessage(e) }),
    })
  }
  const total = arms.reduce((s, a) => s + (Number.isFinite(a.traffic) ? a.traffic : 0), 0)

  return (
    <FocusModal open={open} onOpenChange={(o) => (setOpen(o), o ? undefined : reset())}>
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="create-experiment">
          <Plus />
          Create
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content>
        <FocusModal.Header>
          <div className="flex w-full items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary">
                Cancel
              </Button>
            </FocusModal.Close>
            <Button size="small" onClick={submit} isLoading={create.isPending} data-testid="start-experiment">
              Start experiment
            </Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-16">
          <div className="flex w-full max-w-[720px] flex-col gap-y-8">
            <div>
              <FocusModal.Title asChild>
                <Heading>Create experiment</Heading>
              </FocusModal.Title>
              <FocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Shoppers are split between the arms by a stable hash of their id: each shopper always sees the same arm. It starts at once.
                </Text>
              </FocusModal.Description>
            </div>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <Field label="Name" htmlFor="experiment-name">
                <Input id="experiment-name" size="small" value={name} onChange={(e) => setName(e.target.value)} placeholder="Trending vs model on for you" />
              </Field>
              <Field label="Placement" htmlFor="experiment-placement" hint="One running experiment per placement.">
                <PlacementSelect id="experiment-placement" size="small" value={placement} onChange={(p) => setPlacement(p ?? "for_you")} placements={LIST_PLACEMENTS} />
              </Field>
            </div>
            <div className="flex flex-col gap-y-3">
              <div className="flex items-center justify-between">
                <Heading level="h2">Arms</Heading>
                <Text size="small" className={total === 100 ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
                  Traffic: {total}% of 100%
                </Text>
              </div>
              {arms.map((arm, i) => (
                <ArmEditor
                  key={i}
                  arm={arm}
                  index={i}
                  runs={runs}
                  canRemove={arms.length > 2}
                  onChange={(next) => setArms(arms.map((a, j) => (j === i ? next : a)))}
                  onRemove={() => setArms(arms.filter((_, j) => j !== i))}
                />
              ))}
              <div>
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  onClick={() => setArms([...arms, { name: `arm_${arms.length + 1}`, traffic: 0, strategy: "active_model" }])}
                >
                  <Plus />
                  Add arm
                </Button>
              </div>
            </div>
            {submitted && errors.length ? (
              <Alert variant="error" dismissible={false}>
                <ul style={{ listStyle: "disc", paddingLeft: 16 }}>
                  {errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
