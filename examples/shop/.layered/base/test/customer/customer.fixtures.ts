import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { Database } from '../../src/_core/infrastructure/database.js';
import type { Customer, CreateCustomer } from '../../src/customer/domain/customer.entity.js';
import { CustomerKyselyRepository } from '../../src/customer/infrastructure/customer.kysely-repository.js';
import { uniqueNumber } from '../_core/support/unique.js';

/** A valid new customer; unique fields get values no other test run has used. */
export function sampleCustomer(): CreateCustomer {
  const n = uniqueNumber();
  return {
    email: `Email ${n}`,
    name: 'Name A',
    vip: true,
    externalId: randomUUID(),
  };
}

/** Stores a customer, for tests that need one. */
export async function seedCustomer(db: Kysely<Database>): Promise<Customer> {
  return new CustomerKyselyRepository(db).create(sampleCustomer());
}
