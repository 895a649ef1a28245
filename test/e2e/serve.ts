/**
 * Boots the browser test's app (helpers/e2e-app.ts) and keeps it serving until Ctrl-C, to look
 * at the dashboard by hand or debug the test:
 *   node -r ./tools/ts-register.js test/e2e/serve.ts
 */
import { ADMIN, bootE2eApp } from "./helpers/e2e-app"

async function main() {
  const app = await bootE2eApp()
  process.stdout.write(
    `\nAdmin: ${app.baseUrl}/app  (${ADMIN.email} / ${ADMIN.password})\n` +
      `Product with recommendations: ${app.baseUrl}/app/products/${app.productId}\n` +
      `Customer: ${app.customerId ?? "-"}  Order: ${app.orderId ?? "-"}\nCtrl-C stops everything.\n`
  )
  const stop = () => void app.stop().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
