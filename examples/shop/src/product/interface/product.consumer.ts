import type { DependencyContainer } from 'tsyringe';

import { LOGGER, resolve } from '../../_core/core.module.js';
import type { Consumer, EventHandler } from '../../_core/jobs/consumers.js';

/**
 * Reactions to product events, run by `npm run worker`. Delivery is at least once: put work
 * that must happen once inside `delivery.once(async (trx) => ...)`.
 */
export function createProductConsumer(container: DependencyContainer): Consumer {
  const logger = resolve(container, LOGGER);
  const log: EventHandler = async (event) => {
    logger.info({ eventId: event.id, type: event.type }, 'product event');
  };
  return {
    name: 'product',
    handlers: {
      'product.created': log,
      'product.updated': log,
      'product.deleted': log,
    },
  };
}
