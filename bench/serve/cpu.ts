/**
 * CPU accounting around a measurement (Linux /proc; null elsewhere): the CPU time the server's
 * process group and the Postgres backends of the bench database spent per answered request
 * (which other load on the machine disturbs much less than latency), and how many cores
 * everything else used meanwhile (other processes, e.g. a test run beside the bench).
 */
import { readdirSync, readFileSync } from "node:fs"
import { cpus } from "node:os"

type Snapshot = { serverS: number; dbS: number; machineBusyS: number; machineTotalS: number; benchS: number }
export type Watched = { serverPgid: number; dbName: string }
export type CpuUsage = {
  /** Cores (CPU seconds per wall second) of the server's process group. */
  serverCores: number
  /** Cores of the Postgres backends connected to the bench database. */
  dbCores: number
  /** Cores of everything else but this load generator. */
  otherCores: number
  serverCpuS: number
  dbCpuS: number
}

const TICKS = 100 // USER_HZ on Linux

function snapshot(watched: Watched): Snapshot {
  let server = 0
  let db = 0
  const dbMarker = ` ${watched.dbName} `
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8")
    } catch {
      continue // exited meanwhile
    }
    // Fields after the command name (which may hold spaces) start at state (field 3).
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const ticks = Number(rest[11]) + Number(rest[12]) // fields 14, 15: utime, stime
    if (Number(rest[2]) === watched.serverPgid) {
      server += ticks // field 5: pgrp
      continue
    }
    if (!stat.includes("(postgres)")) continue
    try {
      // A backend's title: "postgres: 15/main: <user> <database> <client> <state>".
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(dbMarker)) db += ticks
    } catch {
      /* exited meanwhile */
    }
  }
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number)
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0)
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0)
  const own = process.cpuUsage()
  return {
    serverS: server / TICKS,
    dbS: db / TICKS,
    machineBusyS: (total - idle) / TICKS,
    machineTotalS: total / TICKS,
    benchS: (own.user + own.system) / 1e6,
  }
}

/** Starts accounting; the returned function gives the usage since then (null without /proc). */
export function startCpuAccounting(watched: Watched | null): () => CpuUsage | null {
  let before: Snapshot | null = null
  try {
    before = watched && snapshot(watched)
  } catch {
    before = null
  }
  return () => {
    if (!before || !watched) return null
    let after: Snapshot
    try {
      after = snapshot(watched)
    } catch {
      return null
    }
    // /proc/stat counts every core: its total advances by cores × wall time.
    const wallS = (after.machineTotalS - before.machineTotalS) / cpus().length
    if (wallS <= 0) return null
    const server = after.serverS - before.serverS
    const db = after.dbS - before.dbS
    const bench = after.benchS - before.benchS
    const busy = after.machineBusyS - before.machineBusyS
    return {
      serverCores: server / wallS,
      dbCores: db / wallS,
      otherCores: Math.max(0, busy - server - db - bench) / wallS,
      serverCpuS: server,
      dbCpuS: db,
    }
  }
}

/** Cores used over `sampleMs` by anything but the (idle) server, its database and this process. */
export async function otherLoadCores(watched: Watched | null, sampleMs = 1000): Promise<number | null> {
  const usage = startCpuAccounting(watched)
  await new Promise((r) => setTimeout(r, sampleMs))
  return usage()?.otherCores ?? null
}
