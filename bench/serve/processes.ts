/**
 * Child processes of the bench (plugin build, demo seeding, the measured Medusa server): each runs
 * in its own process group with its output in a log file, and every one still running is stopped
 * when the bench ends, fails or is interrupted.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { once } from "node:events"
import { createWriteStream, mkdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export const LOG_DIR = join(tmpdir(), "medusa-reco-bench-serve")

const children = new Set<ChildProcess>()

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!alive(child) || child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM to the child's process group, SIGKILL after `graceMs`; resolves when it has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (!alive(child)) return
  const exited = once(child, "exit").catch(() => undefined)
  signalGroup(child, "SIGTERM")
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs)
  await exited
  clearTimeout(timer)
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)))
}

// Last resort when the bench exits without the async clean-up (uncaught error, process.exit).
process.on("exit", () => {
  for (const child of children) signalGroup(child, "SIGKILL")
})

export type Spawned = { child: ChildProcess; logFile: string }

/**
 * Starts `command` detached (own process group). Output goes to LOG_DIR/<name>.log, and also to
 * our stderr when `echo` is set (never stdout: `--json` owns it).
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; echo?: boolean }
): Spawned {
  mkdirSync(LOG_DIR, { recursive: true })
  const logFile = join(LOG_DIR, `${name}.log`)
  const log = createWriteStream(logFile)
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  children.add(child)
  child.on("exit", () => children.delete(child))
  const forward = (chunk: Buffer) => {
    log.write(chunk)
    if (opts.echo) process.stderr.write(chunk)
  }
  child.stdout?.on("data", forward)
  child.stderr?.on("data", forward)
  child.on("close", () => log.end())
  return { child, logFile }
}

export function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/** Runs a command to completion; rejects with the tail of its log unless it exits 0. */
export async function runToEnd(
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; echo?: boolean }
): Promise<string> {
  const { child, logFile } = startChild(name, command, args, opts)
  const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null]
  if (code !== 0) {
    throw new Error(`${name} failed (${signal ?? `exit code ${code}`}); last lines of ${logFile}:\n${tail(logFile)}`)
  }
  return logFile
}
