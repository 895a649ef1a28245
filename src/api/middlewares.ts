import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreRecordEvents } from "./store/recommendations/events/validators"

export default defineMiddlewares({
  routes: [
    {
      // The shopper is the logged-in customer when there is one; anonymous shoppers are welcome.
      matcher: "/store/recommendations*",
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      method: ["POST"],
      matcher: "/store/recommendations/events",
      middlewares: [validateAndTransformBody(StoreRecordEvents)],
    },
  ],
})
