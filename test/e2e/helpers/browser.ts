/**
 * Debian's Chromium driven by playwright-core (no browser download), with the flags this
 * machine needs: no sandbox as root, no GPU, and no background networking (the network is closed).
 */
import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { type Browser, type Page, chromium } from "playwright-core"

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
export const hasChromium = () => existsSync(CHROMIUM)

export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS })
}

export const screenshotDir = join(__dirname, "..", "screenshots")

/**
 * The dashboard scrolls inside its own content pane, so a "full page" screenshot would stop at
 * the window: the window is made as tall as that pane's content for the shot, then restored.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  // Let charts finish laying out.
  await page.waitForTimeout(300)
  const viewport = page.viewportSize() ?? { width: 1440, height: 960 }
  const overflow = await page.evaluate(() => {
    let most = 0
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const style = getComputedStyle(el)
      if (!/(auto|scroll)/.test(style.overflowY) || el.clientHeight < 200) continue
      most = Math.max(most, el.scrollHeight - el.clientHeight)
    }
    return most
  })
  const height = Math.min(6000, viewport.height + overflow)
  if (height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height })
    await page.waitForTimeout(300)
  }
  await page.screenshot({ path })
  if (height > viewport.height) await page.setViewportSize(viewport)
  return path
}

/** Logs into Medusa's admin with email and password. */
export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole("button", { name: "Continue" }).click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 60_000 })
}
