/**
 * The plugin's admin must look right even where the app's Tailwind build does not scan the
 * plugin's bundle (it finds plugins with require.resolve from @medusajs/admin-bundler, which
 * fails when the plugin is linked or installed elsewhere, as in demo/ and test/e2e/app).
 * So every utility class in src/admin must also be used by the dashboard or @medusajs/ui,
 * whose classes are always generated; anything else goes in a style attribute.
 */
import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

const repo = join(__dirname, "..", "..")

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []
  )
}

function classTokens(source: string): string[] {
  const tokens: string[] = []
  const patterns = [/className=\{?[`"]([^`"]*)[`"]/g, /clx\(\s*"([^"]*)"/g, /className=\{[^}]*\?\s*"([^"]*)"\s*:\s*"([^"]*)"/g]
  for (const pattern of patterns) {
    for (const m of source.matchAll(pattern)) tokens.push(...m.slice(1).flatMap((g) => (g ?? "").split(/\s+/)))
  }
  return tokens.filter(Boolean)
}

test("every Tailwind class of the admin extensions is one the dashboard already generates", () => {
  const used = new Set(files(join(repo, "src", "admin"), /\.tsx?$/).flatMap((f) => classTokens(readFileSync(f, "utf8"))))
  expect(used.size).toBeGreaterThan(50)
  const corpus = [
    ...files(join(repo, "node_modules", "@medusajs", "dashboard", "dist"), /\.mjs$/),
    ...files(join(repo, "node_modules", "@medusajs", "ui", "dist", "esm"), /\.js$/),
  ]
    .map((f) => readFileSync(f, "utf8"))
    .join("\n")
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
  const missing = [...used].filter((t) => !new RegExp(`(?<![\\w:\\-\\[\\]/.])${escape(t)}(?![\\w\\-\\[\\]/])`).test(corpus))
  expect(missing).toEqual([])
})
