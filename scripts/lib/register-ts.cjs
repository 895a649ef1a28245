// Minimal TypeScript require hook for the demo (Medusa's CLI would use ts-node, which this
// repository does not install). Compiles .ts files on the fly with @swc/core, which ships with
// @medusajs/medusa. Load it with `node --require ./scripts/lib/register-ts.cjs` or NODE_OPTIONS.
"use strict"

const fs = require("node:fs")
const swc = require("@swc/core")

if (!require.extensions[".ts"] || !require.extensions[".ts"].__recoDemo) {
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8")
    const { code } = swc.transformSync(source, {
      filename,
      sourceMaps: "inline",
      module: { type: "commonjs" },
      jsc: {
        target: "es2021",
        parser: { syntax: "typescript", decorators: true, tsx: filename.endsWith(".tsx") },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: "automatic" } },
      },
    })
    module._compile(code, filename)
  }
  compile.__recoDemo = true
  require.extensions[".ts"] = compile
  require.extensions[".tsx"] = compile
}
