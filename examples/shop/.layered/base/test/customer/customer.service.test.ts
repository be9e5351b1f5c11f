import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/_core/domain/errors.js';
import type {
  Customer,
  CreateCustomer,
  UpdateCustomer,
} from '../../src/customer/domain/customer.entity.js';
import type { CustomerRepository } from '../../src/customer/domain/customer.repository.js';
import { CustomerService } from '../../src/customer/domain/customer.service.js';
import { InMemoryRepository } from '../_core/support/in-memory-repository.js';
import { sampleCustomer } from './customer.fixtures.js';

class FakeCustomerRepository
  extends InMemoryRepository<CreateCustomer, Customer, UpdateCustomer>
  implements CustomerRepository {}

function createCustomerService() {
  return new CustomerService(new FakeCustomerRepository());
}

describe('CustomerService', () => {
  it('creates a customer and reads it back', async () => {
    const service = createCustomerService();
    const created = await service.create(sampleCustomer());
    expect(await service.get(created.id)).toEqual(created);
  });

  it.each([
    ['get', (service: CustomerService) => service.get(9)],
    ['update', (service: CustomerService) => service.update(9, {})],
    ['delete', (service: CustomerService) => service.delete(9)],
  ])('%s of an absent customer is CUSTOMER_NOT_FOUND', async (_, call) => {
    const error = await call(createCustomerService()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'CUSTOMER_NOT_FOUND' });
  });
});
