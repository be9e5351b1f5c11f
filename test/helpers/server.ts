import { createServer } from 'node:net';

import { execa, type ResultPromise } from 'execa';

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a generated project's built server (`node dist/src/main.js`, what `npm start` runs) and
 * waits until /api/health answers. Node is started directly so SIGTERM reaches the server itself,
 * not an npm wrapper.
 */
export async function startServer(
  cwd: string,
  env: Record<string, string>,
): Promise<{ baseUrl: string; process: ResultPromise; stop: () => Promise<number | undefined> }> {
  const port = await freePort();
  const child = execa('node', ['dist/src/main.js'], { cwd, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, reject: false, all: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      const result = await child;
      throw new Error(`server did not start on ${baseUrl}:\n${result.all}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      const result = await child;
      return result.exitCode;
    },
  };
}
