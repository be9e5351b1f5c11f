import type { Logger } from '../infrastructure/logger.js';

/** What every handler finds on `c.var`. */
export interface AppEnv {
  Variables: { requestId: string; logger: Logger };
}
