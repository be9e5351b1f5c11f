import type { Entity } from '../../_core/domain/entity.js';

export interface Customer extends Entity {
  email: string;
  name: string;
  vip: boolean;
  externalId: string | null;
}

/** A new customer: every field, defaults already applied (the create request fills them in). */
export type CreateCustomer = Omit<Customer, keyof Entity>;

/** The fields to change: a key left out is kept, `null` clears an optional field. */
export type UpdateCustomer = Partial<CreateCustomer>;
