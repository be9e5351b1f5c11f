import { BaseService } from '../../_core/domain/base.service.js';
import { token } from '../../_core/domain/token.js';
import type { Customer, CreateCustomer, UpdateCustomer } from './customer.entity.js';
import { type CustomerRepository } from './customer.repository.js';

export class CustomerService extends BaseService<CreateCustomer, Customer, UpdateCustomer> {
  constructor(protected override readonly repository: CustomerRepository) {
    super(repository, 'Customer');
  }
}

export const CUSTOMER_SERVICE = token<CustomerService>('CustomerService');
