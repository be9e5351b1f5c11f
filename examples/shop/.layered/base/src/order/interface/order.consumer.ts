import type { DependencyContainer } from 'tsyringe';

import { LOGGER, resolve } from '../../_core/core.module.js';
import type { Consumer, EventHandler } from '../../_core/jobs/consumers.js';

/**
 * Reactions to order events, run by `npm run worker`. Delivery is at least once: put work
 * that must happen once inside `delivery.once(async (trx) => ...)`.
 */
export function createOrderConsumer(container: DependencyContainer): Consumer {
  const logger = resolve(container, LOGGER);
  const log: EventHandler = async (event) => {
    logger.info({ eventId: event.id, type: event.type }, 'order event');
  };
  return {
    name: 'order',
    handlers: {
      'order.created': log,
      'order.updated': log,
      'order.deleted': log,
    },
  };
}
