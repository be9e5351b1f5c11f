import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer } from '../helpers/server.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';

afterAll(removeTempDirs);

/** Debian's package; `.ci/run` installs it on a fresh machine. */
const CHROMIUM = '/usr/bin/chromium';
const DATABASE_URL = 'sqlite:./docs-authorize.db';

describe('the docs page\'s "Authorize" flow, in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let accessToken: string;

  beforeAll(async () => {
    const project = await freshProject();
    for (const args of [['add', 'auth'], ['new', 'order', 'total:decimal', '--access', 'owner']]) {
      const result = await project.cli(args);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    for (const script of ['build', 'migrate']) {
      const result = await project.npm(['run', script], { DATABASE_URL });
      expect(result.exitCode, result.all).toBe(0);
    }
    server = await startServer(project.dir, { DATABASE_URL, NODE_ENV: 'production' });

    // Log in through the API, as a user of the docs page would (with curl or the page itself).
    const post = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const credentials = { email: 'ada@example.com', password: 'correct horse battery staple' };
    expect((await post('/api/v1/auth/register', credentials)).status).toBe(201);
    accessToken = ((await (await post('/api/v1/auth/login', credentials)).json()) as { data: { accessToken: string } }).data.accessToken;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('authorizes with the access token in Scalar, calls a protected route, and gets 200', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.baseUrl}/api/docs`);
    await page.getByRole('button', { name: /Show all Orders endpoints/ }).click();
    await page.getByRole('button', { name: /^Test Request\s*\(get \/api\/v1\/orders\)$/ }).click();

    const client = page.getByRole('dialog');
    await client.getByRole('button', { name: 'Select Auth Type' }).click();
    await page.getByRole('option', { name: /bearerAuth/ }).click();
    await client.getByPlaceholder('Token').fill(accessToken);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${server.baseUrl}/api/v1/orders`)),
      // The client's own shortcut for its Send button.
      page.keyboard.press('Control+Enter'),
    ]);

    expect(response.status()).toBe(200);
    expect((await response.request().allHeaders())['authorization']).toBe(`Bearer ${accessToken}`);
    expect(await response.json()).toMatchObject({ data: [], meta: { total: 0 } });
  });
});
