import type { DependencyContainer } from 'tsyringe';

import { createConsumerRegistry, type ConsumerRegistry } from './_core/jobs/consumers.js';

/** Every domain's consumer, for the worker; `layered new` adds one line per domain. */
export function createConsumers(container: DependencyContainer): ConsumerRegistry {
  const consumers = createConsumerRegistry();
  return consumers;
}
