export type Id = number;

/** Fields every stored entity has; timestamps are ISO 8601 strings in UTC (`...Z`). */
export interface Entity {
  id: Id;
  createdAt: string;
  updatedAt: string;
}

/**
 * What a `json` field holds: any JSON value but a bare `null`, which means "no value" as it
 * does for every other optional field.
 */
export type JsonValue = string | number | boolean | Array<JsonValue | null> | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | null;
}
