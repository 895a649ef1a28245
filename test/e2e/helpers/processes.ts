/**
 * Child processes of the browser test: each writes its output to a log file, is started in its
 * own process group and is stopped (SIGTERM, then SIGKILL) by the test's teardown.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { once } from "node:events"
import { createWriteStream, mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

export type Proc = { name: string; child: ChildProcess; logFile: string; stop: () => Promise<void> }

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !/^\s+at /.test(l))
      .slice(-lines)
      .join("\n")
  } catch {
    return "(no log)"
  }
}

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      /* gone */
    }
  }
}

export function start(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logDir: string; onOutput?: (text: string) => void }
): Proc {
  mkdirSync(options.logDir, { recursive: true })
  const logFile = join(options.logDir, `${name}.log`)
  const log = createWriteStream(logFile)
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  const forward = (chunk: Buffer) => {
    log.write(chunk)
    options.onOutput?.(chunk.toString("utf8"))
  }
  child.stdout?.on("data", forward)
  child.stderr?.on("data", forward)
  child.on("exit", () => log.end())
  return {
    name,
    child,
    logFile,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      kill(child, "SIGTERM")
      const timer = setTimeout(() => kill(child, "SIGKILL"), 10_000)
      await once(child, "exit").catch(() => undefined)
      clearTimeout(timer)
    },
  }
}

/** Runs a command to completion; rejects with the tail of its log. */
export async function run(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logDir: string; timeoutMs?: number }
): Promise<string> {
  const proc = start(name, command, args, options)
  const timer = setTimeout(() => void proc.stop(), options.timeoutMs ?? 300_000)
  const [code, signal] = (await once(proc.child, "exit")) as [number | null, NodeJS.Signals | null]
  clearTimeout(timer)
  await new Promise((r) => setTimeout(r, 50))
  if (code !== 0) throw new Error(`${name} failed (${signal ?? `exit code ${code}`}); last lines of ${proc.logFile}:\n${tail(proc.logFile)}`)
  return readFileSync(proc.logFile, "utf8")
}

/** Resolves when `fn` returns a value other than undefined; rejects after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 1000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await fn()
      if (value !== undefined) return value
    } catch (e) {
      last = e
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${String(last)}` : ""}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
