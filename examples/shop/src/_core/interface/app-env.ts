import type { RequestIdVariables } from 'hono/request-id';

import type { Logger } from '../infrastructure/logger.js';

/** What every handler finds on `c.var`. */
export interface AppEnv {
  Variables: RequestIdVariables & { logger: Logger };
}
