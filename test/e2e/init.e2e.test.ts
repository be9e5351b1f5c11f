import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { startLanguageServer } from '../helpers/lsp.js';
import { SERVERS } from '../helpers/servers.js';
import { startServer } from '../helpers/server.js';

const project = inject('installedProject');

function npm(args: string[], env: Record<string, string> = {}) {
  return execa('npm', args, { cwd: project.dir, env: { ...env, NO_COLOR: '1' }, reject: false, all: true });
}

function passedCount(output: string): number {
  const match = /Tests\s+(\d+) passed/.exec(output);
  return match ? Number(match[1]) : 0;
}

describe('layered init, installed', () => {
  it('exits 0, installing with a progress line (CI always installs for real)', () => {
    expect(project.exitCode, project.stderr).toBe(0);
    if (project.installed) expect(project.stderr).toContain('Installing dependencies');
    else expect(process.env['CI'], 'only a local run may reuse installed dependencies').toBeFalsy();
  });

  it('type-checks under strict', async () => {
    const result = await npm(['run', 'typecheck']);
    expect(result.all).not.toContain('error TS');
    expect(result.exitCode).toBe(0);
  });

  it("serves an editor through TypeScript 7's language server (tsc --lsp --stdio): a type error, a hover", async () => {
    const file = path.join(project.dir, 'src', 'main.ts');
    // An unsaved edit, as an editor sends it: the file on disk stays as it is.
    const text = `${await readFile(file, 'utf8')}\nexport const broken: number = 'not a number';\n`;
    const line = text.split('\n').findIndex((l) => l.startsWith('export const broken'));
    const uri = pathToFileURL(file).href;
    const server = startLanguageServer(project.dir);
    try {
      const capabilities = { textDocument: { diagnostic: {}, hover: { contentFormat: ['plaintext'] } } };
      await server.request('initialize', { processId: process.pid, rootUri: pathToFileURL(project.dir).href, capabilities });
      server.notify('initialized', {});
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });

      const report = (await server.request('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: number; range: { start: { line: number } } }> };
      expect(report.items.map((item) => ({ code: item.code, line: item.range.start.line }))).toEqual([{ code: 2322, line }]);
      const hover = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 'export const '.length } })) as { contents: { value: string } };
      expect(hover.contents.value).toContain('const broken: number');
    } finally {
      await server.stop();
    }
  });

  describe('its own test suite', () => {
    let sqlitePassed = 0;

    it('passes on SQLite', async () => {
      const result = await npm(['test']);
      expect(result.exitCode, result.all).toBe(0);
      sqlitePassed = passedCount(result.all ?? '');
      expect(sqlitePassed).toBeGreaterThan(10);
    });

    it.each(SERVERS)('passes on the machine %s, running its server cases too', async (_name, createScratchDatabase) => {
      const database = await createScratchDatabase('layered_e2e_init');
      try {
        const result = await npm(['test'], { TEST_DATABASE_URL: database.url });
        expect(result.exitCode, result.all).toBe(0);
        expect(passedCount(result.all ?? '')).toBeGreaterThan(sqlitePassed);
      } finally {
        await database.drop();
      }
    });
  });

  describe('built and started', () => {
    let server: Awaited<ReturnType<typeof startServer>>;

    beforeAll(async () => {
      const build = await npm(['run', 'build']);
      expect(build.exitCode, build.all).toBe(0);
      const migrate = await npm(['run', 'migrate'], { DATABASE_URL: `sqlite:${path.join(project.dir, 'e2e.db')}` });
      expect(migrate.exitCode, migrate.all).toBe(0);
      server = await startServer(project.dir, { DATABASE_URL: `sqlite:${path.join(project.dir, 'e2e.db')}`, NODE_ENV: 'production' });
    });

    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    it('starts with `npm start` running the build output', async () => {
      const manifest = JSON.parse(await readFile(path.join(project.dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
      expect(manifest.scripts['start']).toBe('node dist/src/main.js');
    });

    it('answers /api/health/ready after pinging the database', async () => {
      const response = await fetch(`${server.baseUrl}/api/health/ready`);
      expect(response.status).toBe(200);
    });

    it('serves an OpenAPI 3.1 document', async () => {
      const response = await fetch(`${server.baseUrl}/api/openapi.json`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toMatch(/^3\.1\./);
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/health/ready']));
    });

    it.each(['/api/docs', '/api/docs-swagger'])('serves %s and every asset it loads from the project, not a CDN', async (page) => {
      const response = await fetch(`${server.baseUrl}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) {
        expect(asset, 'assets must be served locally').not.toMatch(/^(https?:)?\/\//);
        const url = new URL(asset, `${server.baseUrl}${page}`);
        const assetResponse = await fetch(url);
        expect(assetResponse.status, url.href).toBe(200);
        expect((await assetResponse.arrayBuffer()).byteLength, url.href).toBeGreaterThan(100);
      }
    });

    it('answers an unknown route with a problem+json 404 carrying the request id', async () => {
      const response = await fetch(`${server.baseUrl}/api/v1/nothing-here`, { headers: { 'X-Request-Id': 'e2e-req-1' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = (await response.json()) as { status: number; traceId: string };
      expect(body.status).toBe(404);
      expect(body.traceId).toBe('e2e-req-1');
    });
  });

  it('writes .layered/project.json naming the two host files', async () => {
    const marker = JSON.parse(await readFile(path.join(project.dir, '.layered', 'project.json'), 'utf8')) as Record<string, unknown>;
    expect(marker).toMatchObject({ formatVersion: 1, serverContainer: 'src/server-container.ts', bootstrap: 'src/bootstrap.ts' });
  });
});
