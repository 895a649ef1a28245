import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join, resolve } from "node:path"

/**
 * Runs one of the plugin's scripts inside the Medusa app in the current directory through
 * `medusa exec`, so it can use Medusa's Query and the module exactly as the app configures them.
 */
export function runInMedusaApp(script: string, args: string[]): Promise<number> {
  const appDir = process.cwd()
  const bin = [join(appDir, "node_modules", ".bin", "medusa"), resolve(__dirname, "../../../../../.bin/medusa")].find(
    existsSync
  )
  if (!bin) {
    console.error(
      `medusa-reco: cannot find the medusa CLI. Run this command from your Medusa application's directory (looked in ${appDir}).`
    )
    return Promise.resolve(1)
  }
  const scriptPath = resolve(__dirname, "../scripts", `${script}.js`)
  return new Promise((done) => {
    const child = spawn(bin, ["exec", scriptPath, ...args], {
      cwd: appDir,
      stdio: "inherit",
      env: { ...process.env, RECO_IMPORT_CWD: appDir },
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on("SIGINT", forward)
    process.on("SIGTERM", forward)
    child.on("exit", (code) => {
      process.off("SIGINT", forward)
      process.off("SIGTERM", forward)
      done(code ?? 1)
    })
  })
}
