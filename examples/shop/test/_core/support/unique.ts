import { randomInt } from 'node:crypto';

// Test files and projects may share one MySQL database: values that must be unique start
// from a number drawn once per run.
const run = randomInt(1, 20_000);
let sequence = 0;

/** A positive integer no other test run is likely to have used (below 2^31). */
export function uniqueNumber(): number {
  sequence += 1;
  return run * 100_000 + (sequence % 100_000);
}
