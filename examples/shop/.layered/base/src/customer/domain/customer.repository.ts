import type { Repository } from '../../_core/domain/repository.js';
import { token } from '../../_core/domain/token.js';
import type { Customer, CreateCustomer, UpdateCustomer } from './customer.entity.js';

export type CustomerRepository = Repository<CreateCustomer, Customer, UpdateCustomer>;

export const CUSTOMER_REPOSITORY = token<CustomerRepository>('CustomerRepository');
