import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The smallest Language Server Protocol client an editor would be: it starts a project's own
 * compiler as a language server (`node_modules/.bin/tsc --lsp --stdio`, TypeScript 7), and sends
 * requests over stdio with `Content-Length` framing. Requests the server sends (capability
 * registration) are answered with null, as a client that registers nothing would.
 */
export function startLanguageServer(root: string): {
  request: (method: string, params: unknown) => Promise<unknown>;
  notify: (method: string, params: unknown) => void;
  stop: () => Promise<void>;
} {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsc'), ['--lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let buffer = Buffer.alloc(0);

  const send = (message: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  };
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, Math.max(end, 0)).toString())?.[1]);
      if (end < 0 || buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()) as { id?: number; method?: string; result?: unknown; error?: { message: string } };
      buffer = buffer.subarray(end + 4 + length);
      if (message.id === undefined) continue;
      if (message.method) send({ id: message.id, result: null });
      else if (message.error) pending.get(message.id)?.reject(new Error(message.error.message));
      else pending.get(message.id)?.resolve(message.result);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    for (const { reject } of pending.values()) reject(new Error('the language server exited'));
  });

  return {
    request: (method, params) => {
      const id = nextId++;
      send({ id, method, params });
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    notify: (method, params) => send({ method, params }),
    stop: async () => {
      const id = nextId++;
      const timeout = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
      send({ id, method: 'shutdown' });
      await Promise.race([new Promise((resolve) => pending.set(id, { resolve, reject: resolve })), timeout(5_000)]);
      send({ method: 'exit' });
      await Promise.race([exited, timeout(5_000)]);
      child.kill();
    },
  };
}
