export * from "./distributions"
export * from "./means"
export * from "./proportion"
