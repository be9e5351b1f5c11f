import { BaseUseCase } from '../../_core/application/base.use-case.js';
import { token } from '../../_core/domain/token.js';
import type { Customer, CreateCustomer, UpdateCustomer } from '../domain/customer.entity.js';

/** What the customer routes call; application logic beyond CRUD belongs here. */
export class CustomerUseCase extends BaseUseCase<CreateCustomer, Customer, UpdateCustomer> {}

export const CUSTOMER_USE_CASE = token<CustomerUseCase>('CustomerUseCase');
