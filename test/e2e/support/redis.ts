import { execa, type ResultPromise } from 'execa';

import { freePort } from '../../helpers/server.js';

/**
 * A private `redis-server` on a free loopback port, never the shared 6379: tests stop and start
 * it. No snapshots or append-only file, so it leaves nothing on disk.
 */
export async function privateRedis(): Promise<{ url: string; start: () => Promise<void>; stop: () => Promise<void> }> {
  const port = await freePort();
  let server: ResultPromise | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      server = execa('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { reject: false });
      const deadline = Date.now() + 10_000;
      while ((await execa('redis-cli', ['-p', String(port), 'ping'], { reject: false })).stdout !== 'PONG') {
        if (Date.now() > deadline) throw new Error(`redis-server did not start on ${port}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      server?.kill('SIGTERM');
      await server;
      server = undefined;
    },
  };
}
