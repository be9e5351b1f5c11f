import { parseArgs } from 'node:util';

import { SettingsError } from '../config.js';
import { loadJobSettings } from './jobs-settings.js';
import { createEventsQueue } from './queues.js';
import { createCommandRedis } from './redis.js';

const USAGE = `Usage:
  npm run jobs:failed                      list the events whose handlers failed every attempt
  npm run jobs:failed -- --retry <eventId> run one of them again
  npm run jobs:failed -- --retry-all       run every one of them again`;

/**
 * The operator's view of the failed set, from the command line rather than an HTTP endpoint:
 * it needs shell access to the environment, so it cannot be reached by API clients, and it
 * works while the API is down.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      retry: { type: 'string' },
      'retry-all': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const settings = loadJobSettings();
  const redis = createCommandRedis(settings.redisUrl);
  const queue = createEventsQueue(redis, settings);
  // The command's own failure says why; the connection's retries need not print it each time.
  queue.on('error', () => undefined);
  redis.on('error', () => undefined);
  try {
    if (values['retry-all']) {
      await queue.retryJobs({ state: 'failed' });
      console.log('Every failed event is queued again.');
    } else if (values.retry !== undefined) {
      const job = await queue.getJob(values.retry);
      if (!job || !(await job.isFailed())) {
        console.error(
          `No failed event has the id ${values.retry}; run without options to list them.`,
        );
        process.exitCode = 1;
        return;
      }
      await job.retry('failed');
      console.log(`Event ${values.retry} is queued again.`);
    } else {
      const failed = await queue.getFailed();
      for (const job of failed) {
        const when = job.finishedOn ? new Date(job.finishedOn).toISOString() : '';
        console.log(
          `${job.id}\t${job.name}\t${job.attemptsMade} attempts\t${when}\t${job.failedReason}`,
        );
      }
      console.log(`${failed.length} failed event${failed.length === 1 ? '' : 's'}.`);
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(error instanceof SettingsError ? reason : `Cannot read the failed set: ${reason}`);
  process.exitCode = 1;
});
