// Jest runs TypeScript through @swc/jest. TypeORM needs legacy decorators; every column
// declares its type explicitly, so no emitted design-type metadata is relied on.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: "automatic" } },
      target: "es2021",
    },
  },
]

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.[jt]sx?$": swc },
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/dist/", "<rootDir>/.demo/"],
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  setupFiles: ["<rootDir>/test/helpers/setup-env.js"],
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/helpers/summary-reporter.js"],
}
