// Lets `node` run the plugin's TypeScript directly (CLI tests, benchmarks) without a prior build,
// with the same swc settings as jest.config.js. Usage: node -r ./tools/ts-register.js file.ts
const fs = require("node:fs")
const { transformSync } = require("@swc/core")

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    sourceMaps: "inline",
    module: { type: "commonjs" },
    jsc: {
      target: "es2021",
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  })
  module._compile(code, filename)
}
