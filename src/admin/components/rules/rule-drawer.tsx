import { Button, Drawer, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useCreateRule, useUpdateRule } from "../../hooks/use-rules"
import { errorMessage } from "../../lib/http"
import type { Rule } from "../../lib/types"
import { RuleForm } from "./rule-form"
import { emptyRuleForm, ruleFormErrors, ruleToForm, toRuleInput, type RuleFormValues } from "./rule-form-values"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Edit this rule; create a new one when absent. */
  rule?: Rule | null
  /** Initial values of a new rule (e.g. a product widget's pin). */
  seed?: Partial<RuleFormValues>
}

export const RuleDrawer = ({ open, onOpenChange, rule, seed }: Props) => {
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? ruleToForm(rule) : emptyRuleForm(seed)))
  const [submitted, setSubmitted] = useState(false)
  const create = useCreateRule()
  const update = useUpdateRule()
  useEffect(() => {
    if (open) {
      setValues(rule ? ruleToForm(rule) : emptyRuleForm(seed))
      setSubmitted(false)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, rule?.id])

  const errors = ruleFormErrors(values)
  const save = () => {
    setSubmitted(true)
    if (Object.keys(errors).length) return
    const body = toRuleInput(values)
    const done = {
      onSuccess: () => {
        toast.success(rule ? "Rule saved" : "Rule created", { description: `${body.action} ${values.target_label ?? `${body.target_type} ${body.target_id}`}` })
        onOpenChange(false)
      },
      onError: (e: unknown) => toast.error("Could not save the rule", { description: errorMessage(e) }),
    }
    if (rule) update.mutate({ id: rule.id, body }, done)
    else create.mutate(body, done)
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{rule ? "Edit rule" : "Create rule"}</Drawer.Title>
          <Drawer.Description className="sr-only">A merchant rule applied after the model</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto">
          <RuleForm values={values} errors={submitted ? errors : {}} onChange={setValues} />
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={save} isLoading={create.isPending || update.isPending} data-testid="save-rule">
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
