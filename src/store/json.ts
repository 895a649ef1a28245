/**
 * JSON stored in jsonb columns. Nested values are typed as plain objects rather than a
 * recursive JSON type, which TypeORM's deep-partial insert types cannot expand.
 */
export type JsonObject = { [key: string]: string | number | boolean | null | object }
