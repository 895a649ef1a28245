import { Alert } from "@medusajs/ui"
import { errorMessage } from "../../lib/http"

export const ErrorState = ({ error, what }: { error: unknown; what: string }) => (
  <div className="px-6 py-4">
    <Alert variant="error" dismissible={false}>
      Could not load {what}: {errorMessage(error)}
    </Alert>
  </div>
)
