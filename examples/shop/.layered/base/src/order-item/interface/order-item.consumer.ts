import type { DependencyContainer } from 'tsyringe';

import { LOGGER, resolve } from '../../_core/core.module.js';
import type { Consumer, EventHandler } from '../../_core/jobs/consumers.js';

/**
 * Reactions to order item events, run by `npm run worker`. Delivery is at least once: put work
 * that must happen once inside `delivery.once(async (trx) => ...)`.
 */
export function createOrderItemConsumer(container: DependencyContainer): Consumer {
  const logger = resolve(container, LOGGER);
  const log: EventHandler = async (event) => {
    logger.info({ eventId: event.id, type: event.type }, 'order item event');
  };
  return {
    name: 'order-item',
    handlers: {
      'order-item.created': log,
      'order-item.updated': log,
      'order-item.deleted': log,
    },
  };
}
