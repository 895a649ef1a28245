/**
 * The admin dashboard in a real browser (issue 5, item 6): Debian's Chromium driven by
 * playwright-core logs into the admin of a seeded, trained store (production build, see
 * helpers/e2e-app.ts), opens every Recommendations page and the product, customer and order
 * widgets, triggers a retrain and watches its progress move, creates a rule and sees the preview
 * change, and saves screenshots under test/e2e/screenshots/.
 *
 * Skipped, with a message, only when Chromium is missing (`apt-get install -y chromium`; CI
 * installs it in .ci/run).
 */
import { existsSync, readdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import type { Browser, Page } from "playwright-core"
import { ADMIN, bootE2eApp, type E2eApp } from "./helpers/e2e-app"
import { CHROMIUM, hasChromium, launchChromium, login, screenshot, screenshotDir } from "./helpers/browser"

const available = hasChromium()
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED admin browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`)
}
const describeBrowser = available ? describe : describe.skip

describeBrowser("admin dashboard in Chromium", () => {
  let app: E2eApp
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    // Every run writes the whole set: no stale picture survives a renamed step.
    if (existsSync(screenshotDir)) for (const f of readdirSync(screenshotDir).filter((f) => f.endsWith(".png"))) rmSync(join(screenshotDir, f))
    app = await bootE2eApp()
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } })
    page = await context.newPage()
    page.setDefaultTimeout(30_000)
    page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`))
    await login(page, app.baseUrl, ADMIN.email, ADMIN.password)
  }, 9 * 60_000)

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    await app?.stop()
  }, 60_000)

  const open = async (path: string, testId: string) => {
    await page.goto(`${app.baseUrl}/app${path}`)
    await page.getByTestId(testId).waitFor()
  }

  test("the sidebar has a Recommendations area with its pages", async () => {
    await page.goto(`${app.baseUrl}/app/orders`)
    const nav = page.locator("nav")
    await nav.getByRole("link", { name: "Recommendations" }).click()
    await page.waitForURL(/\/app\/recommendations$/)
    for (const label of ["Models", "Experiments", "Rules", "Preview", "Settings"]) {
      await nav.getByRole("link", { name: label, exact: true }).waitFor()
    }
  })

  test("Overview: KPI cards and charts from the metrics API", async () => {
    await open("/recommendations", "kpi-grid")
    await page.getByTestId("activity-chart").locator("svg.recharts-surface").first().waitFor()
    await page.getByTestId("revenue-chart").locator("svg.recharts-surface").first().waitFor()
    await expect(page.getByTestId("kpi-ctr").innerText()).resolves.toMatch(/%/)
    await screenshot(page, "01-overview")
  })

  test("Models: runs with metrics beside the baseline; a retrain's progress moves live", async () => {
    await open("/recommendations/models", "model-runs")
    const rowsBefore = await page.getByTestId("model-run-row").count()
    expect(rowsBefore).toBeGreaterThanOrEqual(6)
    await expect(page.getByTestId("model-runs").innerText()).resolves.toMatch(/baseline/)
    await screenshot(page, "02-models")

    await page.getByTestId("retrain-button").click()
    await page.getByTestId("retrain-full").click()
    await page.getByText("Training queued").first().waitFor()

    // Sample what the page shows (it polls every 2 s) until the job has run.
    const readings = new Set<string>()
    let sawBusy = false
    let shot = false
    const deadline = Date.now() + 180_000
    while (Date.now() < deadline) {
      const busy = (await page.getByTestId("training-panel").getAttribute("data-busy")) === "true"
      sawBusy ||= busy
      for (const row of await page.getByTestId("running-run").all()) {
        const text = (await row.innerText().catch(() => "")).split("\n")[0] ?? ""
        const progress = await row.getAttribute("data-progress").catch(() => null)
        if (progress !== null) readings.add(`${text}:${progress}`)
        if (!shot && Number(progress) > 0) {
          await screenshot(page, "03-models-training")
          shot = true
        }
      }
      if (sawBusy && !busy && readings.size > 0) break
      await page.waitForTimeout(500)
    }
    expect(sawBusy).toBe(true)
    // At least two different progress readings: the bar moved while the page polled.
    expect(readings.size).toBeGreaterThanOrEqual(2)
    await page.waitForFunction(
      (before) => document.querySelectorAll('[data-testid="model-run-row"]').length > before,
      rowsBefore,
      { timeout: 30_000 }
    )
    await screenshot(page, "04-models-after-retrain")
  }, 240_000)

  test("Experiments: create one, read its results, stop it", async () => {
    await open("/recommendations/experiments", "reco-experiments")
    await page.getByTestId("create-experiment").click()
    await page.locator("#experiment-name").fill("Model vs trending on for you")
    await screenshot(page, "05-experiment-create")
    await page.getByTestId("start-experiment").click()
    await page.waitForURL(/\/recommendations\/experiments\/[^/]+$/)
    await page.getByTestId("arm-results").waitFor()
    await page.getByTestId("conversion-ci-chart").waitFor()
    await screenshot(page, "06-experiment-detail")
    await page.getByTestId("stop-experiment").click()
    await page.getByRole("button", { name: "Stop", exact: true }).last().click()
    await page.getByText("Stopped", { exact: true }).first().waitFor()
    await open("/recommendations/experiments", "experiments-table")
    await screenshot(page, "07-experiments")
  })

  test("Rules and Preview: a pin rule created in the form changes the preview", async () => {
    const previewUrl = `/recommendations/preview?placement=related&product_id=${app.productId}`
    await open(previewUrl, "preview-results")
    await page.getByTestId("preview-item").first().waitFor()
    const before = await page.getByTestId("preview-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-product-id")))
    expect(before.length).toBeGreaterThan(0)
    await screenshot(page, "08-preview-before")

    // Something the store serves (trending) that is not in this related list yet.
    const trending = await fetch(`${app.baseUrl}/store/recommendations?placement=trending&limit=50&fields=id,title`, {
      headers: { "x-publishable-api-key": app.publishableKey },
    }).then((r) => r.json() as Promise<{ items: { product: { id: string; title: string } }[] }>)
    const pick = trending.items.map((i) => i.product).find((p) => p.id !== app.productId && !before.includes(p.id))
    if (!pick) throw new Error("no trending product outside the related list")

    await open("/recommendations/rules", "reco-rules")
    await page.getByTestId("create-rule").click()
    const form = page.getByTestId("rule-form")
    await form.waitFor()
    await page.locator("#rule-target").fill(pick.title)
    await page.getByRole("option").filter({ hasText: pick.title }).first().click()
    await page.locator("#rule-placement").click()
    await page.getByRole("option", { name: "Related", exact: true }).click()
    await page.locator("#rule-position").fill("0")
    // A time window: live from now until tomorrow (datetime-local, the browser's zone).
    const ends = await page.evaluate(() => {
      const d = new Date(Date.now() + 24 * 3_600_000)
      const pad = (n: number) => String(n).padStart(2, "0")
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
    })
    await page.locator("#rule-ends").fill(ends)
    await page.locator("#rule-note").fill("Browser test: pin to the top of related lists")
    await screenshot(page, "09-rule-form")
    await page.getByTestId("save-rule").click()
    await page.getByText("Rule created").first().waitFor()
    const row = page.locator(`[data-testid="rule-row"][data-target="${pick.id}"]`)
    await row.waitFor()
    // The target by name (looked up in Medusa's admin API) and its window's state.
    await row.getByText(pick.title, { exact: true }).waitFor()
    await row.getByText("Live", { exact: true }).waitFor()
    await screenshot(page, "10-rules")

    await open(previewUrl, "preview-results")
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="preview-item"]')?.getAttribute("data-product-id") === id,
      pick.id,
      { timeout: 30_000 }
    )
    // The rest of the list follows, one place down.
    const after = await page.getByTestId("preview-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-product-id")))
    expect(after.slice(1, 4)).toEqual(before.slice(0, 3))
    await screenshot(page, "11-preview-after-rule")

    // Deleting the rule gives the model's list back.
    await open("/recommendations/rules", "rules-table")
    await row.getByRole("button", { name: "Rule actions" }).click()
    await page.getByRole("menuitem", { name: "Delete" }).click()
    await page.getByRole("button", { name: "Delete", exact: true }).last().click()
    await page.getByText("Rule deleted").first().waitFor()
    await row.waitFor({ state: "detached" })
    await open(previewUrl, "preview-results")
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="preview-item"]')?.getAttribute("data-product-id") === id,
      before[0],
      { timeout: 30_000 }
    )
  }, 180_000)

  test("Preview: a customer picked by name gets their personal list", async () => {
    expect(app.customerId).toBeTruthy()
    await open("/recommendations/preview?placement=for_you", "preview-results")
    await page.locator("#preview-customer").fill("Ada")
    await page.getByRole("option").filter({ hasText: "Ada Lindqvist" }).first().click()
    await page.waitForURL((url) => url.searchParams.get("customer_id") === app.customerId)
    const results = page.locator(`[data-testid="preview-results"][data-customer-id="${app.customerId}"]`)
    await results.getByTestId("preview-item").first().waitFor()
    const reasons = await results.getByTestId("preview-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-reason")))
    // Her own list (or her session), not the anonymous fallback.
    expect(reasons.some((r) => r && !["trending", "trending_in_region", "popular"].includes(r))).toBe(true)
    await screenshot(page, "12-preview-customer")
  })

  test("Settings: a change is saved and read back", async () => {
    await open("/recommendations/settings", "settings-form")
    const input = page.locator("#settings-window")
    const next = (await input.inputValue()) === "14" ? "10" : "14"
    await input.fill(next)
    await page.getByTestId("save-settings").click()
    await page.getByText("Settings saved").first().waitFor()
    await open("/recommendations/settings", "settings-form")
    await expect(page.locator("#settings-window").inputValue()).resolves.toBe(next)
    await screenshot(page, "13-settings")
  })

  test("Product page widget: related and bought-together lists with pin and exclude", async () => {
    await open(`/products/${app.productId}`, "reco-product-widget")
    const widget = page.getByTestId("reco-product-widget")
    await widget.getByTestId("widget-related").getByTestId("recommended-item").first().waitFor()
    await widget.getByTestId("widget-bought_together").waitFor()
    await expect(widget.getByRole("button", { name: /^Pin / }).count()).resolves.toBeGreaterThan(0)
    await screenshot(page, "14-product-page")

    // Exclude in place: the item leaves the list once the rule exists.
    const together = widget.getByTestId("widget-bought_together").getByTestId("recommended-item")
    const victim = await together.last().getAttribute("data-product-id")
    expect(victim).toBeTruthy()
    await together.last().getByRole("button", { name: /^Exclude / }).click()
    await page.getByRole("button", { name: "Exclude", exact: true }).last().click()
    await page.getByText("Excluded").first().waitFor()
    await widget.locator(`[data-testid="widget-bought_together"] [data-product-id="${victim}"]`).waitFor({ state: "detached" })
    // Pin in place opens the rule form with the item and its position filled in.
    const firstRelated = widget.getByTestId("widget-related").getByTestId("recommended-item").first()
    await firstRelated.getByRole("button", { name: /^Pin / }).click()
    await page.getByTestId("rule-form").waitFor()
    await expect(page.locator("#rule-position").inputValue()).resolves.toBe("0")
    await page.keyboard.press("Escape")
    await page.getByTestId("rule-form").waitFor({ state: "detached" })
  })

  test("Customer page widget: for-you list, intent and recent behaviour", async () => {
    expect(app.customerId).toBeTruthy()
    await open(`/customers/${app.customerId}`, "reco-customer-widget")
    await page.getByTestId("recent-events").waitFor()
    await screenshot(page, "15-customer-page")
  })

  test("Order page widget: the item bought after a click is attributed to the recommendation", async () => {
    expect(app.orderId).toBeTruthy()
    const deadline = Date.now() + 60_000
    for (;;) {
      await open(`/orders/${app.orderId}`, "reco-order-widget")
      if (await page.getByTestId("attribution-table").isVisible().catch(() => false)) break
      if (Date.now() > deadline) throw new Error("the order widget shows no attribution after 60 s")
      await page.waitForTimeout(3000)
    }
    await expect(page.getByTestId("attribution-table").innerText()).resolves.toMatch(/Related/)
    await screenshot(page, "16-order-page")
  }, 120_000)

  test("Customer page widget: erasing the customer's behaviour asks first, then empties it", async () => {
    expect(app.customerId).toBeTruthy()
    await open(`/customers/${app.customerId}`, "reco-customer-widget")
    await page.getByTestId("erase-behaviour").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    await screenshot(page, "17-erase-prompt")
    await dialog.locator("input").fill("ada.lindqvist@reco-e2e.test")
    await dialog.getByRole("button", { name: "Erase", exact: true }).click()
    await page.getByText("Behaviour erased").first().waitFor()
    await page.getByText("0 behaviour events recorded").waitFor()
  })

  test("no uncaught error in any page", () => {
    expect(pageErrors).toEqual([])
  })
})
