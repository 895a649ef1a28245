import { Button, toast, usePrompt } from "@medusajs/ui"
import { useEraseCustomerBehaviour } from "../../hooks/use-widgets"
import { errorMessage } from "../../lib/http"

/** Deletes every plugin row about the customer, after a confirmation that names them. */
export const EraseBehaviourButton = ({ customerId, email }: { customerId: string; email: string | null }) => {
  const erase = useEraseCustomerBehaviour(customerId)
  const prompt = usePrompt()
  const onClick = async () => {
    const ok = await prompt({
      title: "Erase this customer's behaviour data?",
      description:
        "Every view, search, click, cart change and purchase event the recommendations hold for this customer is deleted, with their lists. Medusa's own orders are not touched. This cannot be undone.",
      confirmText: "Erase",
      cancelText: "Cancel",
      ...(email ? { verificationText: email, verificationInstruction: "Type the customer's email to confirm" } : {}),
    })
    if (!ok) return
    erase.mutate(undefined, {
      onSuccess: (res) => toast.success("Behaviour erased", { description: `${res.rows} row(s) deleted.` }),
      onError: (e) => toast.error("Could not erase", { description: errorMessage(e) }),
    })
  }
  return (
    <Button size="small" variant="danger" onClick={() => void onClick()} isLoading={erase.isPending} data-testid="erase-behaviour">
      Erase data
    </Button>
  )
}
