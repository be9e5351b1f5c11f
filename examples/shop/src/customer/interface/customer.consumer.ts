import type { DependencyContainer } from 'tsyringe';

import { LOGGER, resolve } from '../../_core/core.module.js';
import type { Consumer, EventHandler } from '../../_core/jobs/consumers.js';

/**
 * Reactions to customer events, run by `npm run worker`. Delivery is at least once: put work
 * that must happen once inside `delivery.once(async (trx) => ...)`.
 */
export function createCustomerConsumer(container: DependencyContainer): Consumer {
  const logger = resolve(container, LOGGER);
  const log: EventHandler = async (event) => {
    logger.info({ eventId: event.id, type: event.type }, 'customer event');
  };
  return {
    name: 'customer',
    handlers: {
      'customer.created': log,
      'customer.updated': log,
      'customer.deleted': log,
    },
  };
}
