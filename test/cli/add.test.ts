import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

let dir: string;
const env = { LAYERED_NOW: '2026-01-01T00:00:00Z' };
const cli = (args: string[]) => runCli([...args, '--cwd', dir], { env });
const read = (file: string) => readFile(path.join(dir, file), 'utf8');

beforeEach(async () => {
  dir = path.join(await tempDir('add'), 'shop');
  expect((await runCli(['init', dir, '--no-install'])).exitCode).toBe(0);
});
afterEach(removeTempDirs);

describe('layered add auth', () => {
  it('adds the auth files and migration, wires them, records the feature', async () => {
    const result = await cli(['add', 'auth', '--json']);

    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { created: string[]; modified: string[] };
    expect(output.created).toContain('migrations/20260101000000_create_auth.ts');
    expect(output.created).toContain('src/auth/interface/auth.router.ts');
    expect(output.created).toContain('test/auth/tokens.test.ts');
    expect(output.modified.sort()).toEqual(['.env', '.env.example', '.layered/project.json', 'package.json', 'src/bootstrap.ts', 'src/server-container.ts']);
    expect(await read('src/server-container.ts')).toContain('  registerAuthModule(container);\n');
    expect(await read('src/bootstrap.ts')).toContain("  app.route('/', createAuthRouter(container));\n");
    expect(JSON.parse(await read('.layered/project.json'))).toMatchObject({ features: ['auth'] });
    expect(JSON.parse(await read('package.json'))).toMatchObject({ dependencies: { 'rate-limiter-flexible': expect.any(String), ioredis: expect.any(String) } });
  });

  it('writes a random JWT_SECRET of 48 bytes to .env, and documents it in .env.example', async () => {
    expect((await cli(['add', 'auth'])).exitCode).toBe(0);
    const secret = /^JWT_SECRET=([A-Za-z0-9_-]+)$/m.exec(await read('.env'))?.[1];
    expect(Buffer.from(secret ?? '', 'base64url')).toHaveLength(48);
    expect(await read('.env.example')).toMatch(/^JWT_SECRET=$/m);
    expect(await read('.env.example')).toContain('at least 32 random bytes');
  });

  it('keeps hand edits of the host files', async () => {
    const file = path.join(dir, 'src/server-container.ts');
    const edited = (await readFile(file, 'utf8')).replace('  return container;', '  // mine: keep this\n  return container;');
    await writeFile(file, edited);

    expect((await cli(['add', 'auth'])).exitCode).toBe(0);

    const text = await readFile(file, 'utf8');
    expect(text).toContain('  // mine: keep this\n');
    expect(text).toContain('  registerAuthModule(container);\n');
  });

  it('--dry-run lists what it would write and changes nothing', async () => {
    const before = await snapshotTree(dir);
    const result = await cli(['add', 'auth', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('CREATE src/auth/interface/auth.router.ts');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses to add auth twice (exit 2), the project byte for byte unchanged', async () => {
    expect((await cli(['add', 'auth'])).exitCode).toBe(0);
    const before = await snapshotTree(dir);

    const result = await cli(['add', 'auth']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('already has auth');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses an unknown feature (exit 1), naming the features there are', async () => {
    const before = await snapshotTree(dir);
    const result = await cli(['add', 'payments']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('There is no feature "payments"');
    expect(result.stderr).toContain('Features: auth');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses a host file in an unexpected shape (exit 2), naming it, and writes nothing', async () => {
    await writeFile(path.join(dir, 'src/bootstrap.ts'), 'export const app = 1;\n');
    const before = await snapshotTree(dir);

    const result = await cli(['add', 'auth']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('src/bootstrap.ts');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses outside a project (exit 2)', async () => {
    const result = await runCli(['add', 'auth', '--cwd', path.dirname(dir)]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not inside a layered project');
  });
});

describe('layered init --auth', () => {
  it('is init then add auth, with a secret of its own in each project', async () => {
    const parent = await tempDir('init-auth');
    for (const name of ['one', 'two']) expect((await runCli(['init', name, '--auth', '--no-install'], { cwd: parent, env })).exitCode).toBe(0);
    const secret = async (name: string) => /^JWT_SECRET=(.+)$/m.exec(await readFile(path.join(parent, name, '.env'), 'utf8'))?.[1];
    expect(await secret('one')).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(await secret('one')).not.toBe(await secret('two'));
    expect(await readFile(path.join(parent, 'one', 'src/bootstrap.ts'), 'utf8')).toContain('createAuthRouter(container)');
    expect(JSON.parse(await readFile(path.join(parent, 'one', '.layered/project.json'), 'utf8'))).toMatchObject({ features: ['auth'] });
  });
});

describe('layered new --access', () => {
  it('without auth refuses anything but public (exit 1), naming layered add auth, and writes nothing', async () => {
    const before = await snapshotTree(dir);
    const result = await cli(['new', 'order', 'total:int', '--access', 'owner']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('--access owner needs auth');
    expect(result.stderr).toContain('layered add auth');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('without auth leaves a public domain as it always was: no access in its manifest', async () => {
    expect((await cli(['new', 'tag', 'label:string', '--access', 'public'])).exitCode).toBe(0);
    expect(JSON.parse(await read('.layered/domains/tag.json')).spec).not.toHaveProperty('access');
    expect(await read('src/tag/interface/tag.router.ts')).not.toContain('requireUser');
  });

  it('refuses an unknown level (exit 1), listing the levels', async () => {
    const result = await cli(['new', 'tag', 'label:string', '--access', 'everyone']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('public, user, admin, owner');
  });

  it('with auth defaults to user, records the level in the manifest, and guards the routes', async () => {
    expect((await cli(['add', 'auth'])).exitCode).toBe(0);
    expect((await cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
    expect((await cli(['new', 'report', 'title:string', '--access', 'admin'])).exitCode).toBe(0);
    expect((await cli(['new', 'notice', 'text:string', '--access', 'public'])).exitCode).toBe(0);

    expect(JSON.parse(await read('.layered/domains/tag.json')).spec.access).toBe('user');
    expect(JSON.parse(await read('.layered/domains/report.json')).spec.access).toBe('admin');
    const router = await read('src/tag/interface/tag.router.ts');
    expect(router).toContain('const signedIn = requireUser(container);');
    expect(router).toContain("router.use('/api/v1/tags/*', signedIn);");
    expect(await read('src/report/interface/report.router.ts')).toContain("requireUser(container, 'admin');");
    expect(await read('src/notice/interface/notice.router.ts')).not.toContain('requireUser');
    expect(await read('test/report/report.access.test.ts')).toContain('403');
    await expect(read('test/notice/notice.access.test.ts')).rejects.toThrow(/ENOENT/);
  });
});

/** Runs `args`, expecting a refusal with `exitCode` whose message holds `text`, and no byte changed. */
async function expectRefusal(args: string[], exitCode: number, text: string): Promise<void> {
  const before = await snapshotTree(dir);
  const result = await cli(args);
  expect(result.exitCode, result.stderr).toBe(exitCode);
  expect(result.stderr).toContain(text);
  expect(await snapshotTree(dir)).toEqual(before);
}

describe('layered add jobs', () => {
  it('refuses a feature it does not know, naming the ones it has', async () => {
    await expectRefusal(['add', 'cron'], 1, 'Features: auth, jobs');
  });

  it('jobs --dry-run lists the files and the host edits, and writes nothing', async () => {
    const before = await snapshotTree(dir);
    const result = await cli(['add', 'jobs', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('CREATE migrations/20260101000000_create_outbox.ts');
    expect(result.stdout).toContain('CREATE src/worker.ts');
    expect(result.stdout).toContain("+import { registerJobs } from './_core/jobs/jobs.module.js';");
    expect(result.stdout).toContain('+  registerJobs(container);');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('jobs --json prints one object; a second run refuses with exit 2', async () => {
    const result = await cli(['add', 'jobs', '--json']);
    expect(result.exitCode).toBe(0);
    const output = JSON.parse(result.stdout) as { ok: boolean; modified: string[] };
    expect(output.ok).toBe(true);
    expect(output.modified).toEqual(['.layered/project.json', 'package.json', 'src/server-container.ts']);

    await expectRefusal(['add', 'jobs'], 2, 'already has jobs');
  });

  it('refuses a server container in another shape, showing the lines to add by hand', async () => {
    const file = path.join(dir, 'src/server-container.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace('const container = createCoreContainer(settings);', 'const c = createCoreContainer(settings);\n  const container = c;'));
    await expectRefusal(['add', 'jobs'], 2, "import { registerJobs } from './_core/jobs/jobs.module.js';");
  });

  it('refuses when package.json already has a script it needs', async () => {
    const file = path.join(dir, 'package.json');
    const pkg = JSON.parse(await readFile(file, 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts['worker'] = 'node my-worker.js';
    await writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`);
    await expectRefusal(['add', 'jobs'], 2, 'already has the script worker');
  });

  it('refuses when a domain already has a consumer file of its own', async () => {
    expect((await cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
    await writeFile(path.join(dir, 'src/tag/interface/tag.consumer.ts'), '// mine\n');
    await expectRefusal(['add', 'jobs'], 2, 'src/tag/interface/tag.consumer.ts');
  });
});

describe('a project with auth', () => {
  beforeEach(async () => {
    expect((await cli(['add', 'auth'])).exitCode).toBe(0);
  });

  it('passes layered check: the auth wiring is a feature, not a domain without a manifest', async () => {
    expect((await cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
    const result = await cli(['check', '--json']);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ code: string }> }).findings.map((f) => f.code);
    expect(findings).not.toContain('DOMAIN_WITHOUT_MANIFEST');
  });

  it.each(['user', 'refresh-token'])('refuses a domain named %s, whose table auth already has (exit 1)', async (name) => {
    const before = await snapshotTree(dir);
    const result = await cli(['new', name, 'label:string']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Choose another name');
    expect(await snapshotTree(dir)).toEqual(before);
  });
});
