import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SERVERS } from '../helpers/servers.js';
import { startServer } from '../helpers/server.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';

afterAll(removeTempDirs);

type Project = Awaited<ReturnType<typeof freshProject>>;

/** Whether vitest's output lists the test file as passed. */
function passedIn(output: string, file: string): boolean {
  return new RegExp(`✓ ${file.replaceAll('.', '\\.')}`).test(output);
}

describe('layered add auth on a fresh project', () => {
  let project: Project;

  beforeAll(async () => {
    project = await freshProject();
    const steps = [
      ['add', 'auth'],
      ['new', 'customer', 'name:string', '--access', 'admin'],
      ['new', 'order', 'total:decimal', 'customer:ref', '--access', 'owner'],
      ['new', 'tag', 'label:string:unique'],
      ['new', 'notice', 'text:string', '--access', 'public'],
    ];
    for (const args of steps) {
      const result = await project.cli(args);
      expect(result.exitCode, result.stderr).toBe(0);
    }
  });

  it('type-checks under strict', async () => {
    const result = await project.npm(['run', 'typecheck']);
    expect(result.exitCode, result.all).toBe(0);
  });

  it("passes the project's own tests on SQLite (and the login limiter on the machine's Redis), the attack corpus and the owner rule included", async () => {
    const result = await project.npm(['test'], { TEST_REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(result.exitCode, result.all).toBe(0);
    for (const file of ['tokens', 'login', 'login-limiter', 'refresh', 'passwords', 'settings']) {
      expect(passedIn(result.all, `test/auth/${file}.test.ts`), file).toBe(true);
    }
    for (const domain of ['customer', 'order', 'tag']) {
      expect(passedIn(result.all, `test/${domain}/${domain}.access.test.ts`), domain).toBe(true);
    }
  });

  it.each(SERVERS)("passes the project's own tests on the machine's %s", async (_name, createScratchDatabase) => {
    const database = await createScratchDatabase('layered_e2e_auth');
    try {
      const result = await project.npm(['test'], { TEST_DATABASE_URL: database.url });
      expect(result.exitCode, result.all).toBe(0);
      expect(passedIn(result.all, 'test/order/order.access.test.ts')).toBe(true);
    } finally {
      await database.drop();
    }
  });

  describe('built and started', () => {
    beforeAll(async () => {
      const build = await project.npm(['run', 'build']);
      expect(build.exitCode, build.all).toBe(0);
    });

    it('refuses to start in production without JWT_SECRET, with one readable line', async () => {
      const result = await startServer(project.dir, { DATABASE_URL: 'sqlite::memory:', NODE_ENV: 'production', JWT_SECRET: '' }).then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(result).toMatch(/Invalid settings: JWT_SECRET is missing; set at least 32 random bytes/);
    });

    it('registers, logs in and calls a protected route over HTTP; without the token it is 401', async () => {
      const migrate = await project.npm(['run', 'migrate'], { DATABASE_URL: 'sqlite:./e2e-auth.db' });
      expect(migrate.exitCode, migrate.all).toBe(0);
      const server = await startServer(project.dir, { DATABASE_URL: 'sqlite:./e2e-auth.db', NODE_ENV: 'production' });
      try {
        const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
          fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
        const credentials = { email: 'ada@example.com', password: 'correct horse battery staple' };
        expect((await post('/api/v1/auth/register', credentials)).status).toBe(201);
        const login = await post('/api/v1/auth/login', credentials);
        expect(login.status).toBe(200);
        const { accessToken } = ((await login.json()) as { data: { accessToken: string } }).data;
        const authorization = { Authorization: `Bearer ${accessToken}` };

        expect((await fetch(`${server.baseUrl}/api/v1/tags`)).status).toBe(401);
        expect((await post('/api/v1/tags', { label: 'new' }, authorization)).status).toBe(201);
        expect((await fetch(`${server.baseUrl}/api/v1/customers`, { headers: authorization })).status).toBe(403);
        expect((await fetch(`${server.baseUrl}/api/v1/notices`)).status).toBe(200);
      } finally {
        await server.stop();
      }
    });
  });
});
