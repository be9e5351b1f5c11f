export type Id = number;

/** Fields every stored entity has; timestamps are ISO 8601 strings in UTC (`...Z`). */
export interface Entity {
  id: Id;
  createdAt: string;
  updatedAt: string;
}
