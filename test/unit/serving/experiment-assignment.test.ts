import { assignArm, experimentBucket, type AssignableExperiment } from "../../../src/serving/experiment-assignment"
import type { ExperimentArm } from "../../../src/store/entities/reco-experiment.entity"

const arm = (name: string, traffic: number): ExperimentArm => ({ name, traffic, strategy: "active_model" })
const experiment = (arms: ExperimentArm[], id = "9f1c2a44-5d7e-4f0b-9a51-0c1d2e3f4a5b"): AssignableExperiment => ({ id, status: "running", arms })
const actors = Array.from({ length: 10_000 }, (_, i) => `anon_${i.toString(36).padStart(6, "0")}`)

describe("experiment assignment", () => {
  it("is deterministic: the same actor gets the same bucket and arm on every call", () => {
    const e = experiment([arm("control", 50), arm("treatment", 50)])
    for (const actor of actors.slice(0, 500)) {
      const first = assignArm(e, actor)!.name
      for (let i = 0; i < 3; i++) expect(assignArm(e, actor)!.name).toBe(first)
      // Rebuilt from the stored fields (as after a restart): same answer.
      expect(assignArm(JSON.parse(JSON.stringify(e)) as AssignableExperiment, actor)!.name).toBe(first)
    }
  })

  it("pins known buckets, so a change of hash (which would reshuffle live experiments) fails here", () => {
    // First 8 hex digits of `printf 'exp-1:anon_a' | sha1sum` etc., mod 100, worked outside the code.
    expect(experimentBucket("exp-1", "anon_a")).toBe(0x56701fae % 100) // 18
    expect(experimentBucket("exp-1", "cus_01ABC")).toBe(0x96a1e1bf % 100) // 87
    expect(experimentBucket("exp-1", "x")).toBe(0x22037352 % 100) // 74
  })

  it("splits 10k actors by the arms' traffic shares within a tolerance", () => {
    const e = experiment([arm("control", 50), arm("blend", 30), arm("trending", 20)])
    const counts = new Map<string, number>()
    for (const actor of actors) {
      const name = assignArm(e, actor)!.name
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
    // 4 standard deviations of a binomial share at n = 10k is at most 2 points.
    expect(Math.abs(counts.get("control")! / 10_000 - 0.5)).toBeLessThan(0.02)
    expect(Math.abs(counts.get("blend")! / 10_000 - 0.3)).toBeLessThan(0.02)
    expect(Math.abs(counts.get("trending")! / 10_000 - 0.2)).toBeLessThan(0.02)
  })

  it("spreads buckets evenly over 0..99", () => {
    const perBucket = new Array<number>(100).fill(0)
    for (const actor of actors) perBucket[experimentBucket("exp-uniform", actor)]!++
    // Chi-squared with 99 df: the 99.9th percentile is 148.2.
    const chi2 = perBucket.reduce((s, n) => s + (n - 100) ** 2 / 100, 0)
    expect(chi2).toBeLessThan(148.2)
  })

  it("assigns independently in different experiments", () => {
    const a = experiment([arm("a0", 50), arm("a1", 50)], "exp-a")
    const b = experiment([arm("b0", 50), arm("b1", 50)], "exp-b")
    let same = 0
    for (const actor of actors) if (assignArm(a, actor)!.name.endsWith("0") === assignArm(b, actor)!.name.endsWith("0")) same++
    expect(Math.abs(same / 10_000 - 0.5)).toBeLessThan(0.02)
  })

  it("a stopped experiment assigns nothing; 0% arms get nobody", () => {
    const e = experiment([arm("control", 0), arm("treatment", 100)])
    for (const actor of actors.slice(0, 1000)) expect(assignArm(e, actor)!.name).toBe("treatment")
    const stopped = { ...e, status: "stopped" as const }
    for (const actor of actors.slice(0, 100)) expect(assignArm(stopped, actor)).toBeNull()
  })
})
