import type { Kysely } from 'kysely';

import {
  fromDbBoolean,
  fromDbDateTime,
  toDbBoolean,
} from '../../_core/infrastructure/column-values.js';
import type { Database } from '../../_core/infrastructure/database.js';
import { KyselyRepository } from '../../_core/infrastructure/kysely-repository.js';
import type { Outbox } from '../../_core/infrastructure/outbox.js';
import type { Customer, CreateCustomer, UpdateCustomer } from '../domain/customer.entity.js';
import type { CustomerRepository } from '../domain/customer.repository.js';
import type { CustomerRow, CustomerTable } from './customer.table.js';

export class CustomerKyselyRepository
  extends KyselyRepository<CustomerTable, Customer, CreateCustomer, UpdateCustomer>
  implements CustomerRepository
{
  constructor(db: Kysely<Database>, outbox?: Outbox) {
    super(db, 'customer', 'Customer', outbox);
  }

  protected toEntity(row: CustomerRow): Customer {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      email: row.email,
      name: row.name,
      vip: fromDbBoolean(row.vip),
      externalId: row.externalId,
    };
  }

  protected toInsert(input: CreateCustomer) {
    return {
      email: input.email,
      name: input.name,
      vip: toDbBoolean(input.vip),
      externalId: input.externalId,
    };
  }

  protected toUpdate(changes: UpdateCustomer) {
    return {
      email: changes.email,
      name: changes.name,
      vip: toDbBoolean(changes.vip),
      externalId: changes.externalId,
    };
  }
}
