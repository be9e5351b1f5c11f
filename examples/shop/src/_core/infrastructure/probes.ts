import { token } from '../domain/token.js';

/** Resolves true when a dependency answers; it must settle within about a second. */
export type Probe = () => Promise<boolean>;

/**
 * Dependencies the API can serve without (Redis, once `layered add jobs` is on): readiness
 * reports each as `"up"` or `"down"` but stays 200, so a balancer keeps a working API in.
 */
export interface Probes {
  redis?: Probe;
}

export const PROBES = token<Probes>('Probes');
