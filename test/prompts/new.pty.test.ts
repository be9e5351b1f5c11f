import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { answer, asking, pick } from '../helpers/prompt-keys.js';
import { Terminal, tmuxAvailable } from '../helpers/tmux.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

const launcher = fileURLToPath(new URL('../../bin/layered.js', import.meta.url));

describe.skipIf(!tmuxAvailable())('layered new in a real terminal (tmux)', () => {
  let dir: string;
  let term: Terminal | undefined;

  beforeAll(async () => {
    dir = path.join(await tempDir('pty'), 'shop');
    expect((await runCli(['init', dir, '--no-install'])).exitCode).toBe(0);
    expect((await runCli(['new', 'category', 'name:string', '--cwd', dir])).exitCode).toBe(0);
  });

  afterEach(async () => {
    await term?.close();
    term = undefined;
  });
  afterAll(removeTempDirs);

  it('asks for the fields, confirms with the equivalent command line, then writes the domain', async () => {
    term = await Terminal.start([process.execPath, launcher, 'new', 'product', '--cwd', dir], { env: { LAYERED_NOW: '2026-01-01T00:00:00Z' } });
    await answer(term, 'Field 1 name', 'title');
    await pick(term, 'Type of title', 'string');
    await answer(term, 'Modifiers of title', '');
    await answer(term, 'Max length of title', '');
    await answer(term, 'Default of title', '');
    await answer(term, 'Field 2 name', 'category');
    await pick(term, 'Type of category', 'ref');
    await pick(term, 'Domain that category refers to', 'category');
    await answer(term, 'Modifiers of category', '');
    await answer(term, 'Field 3 name', '');

    const summary = await term.waitFor(asking('Create product with 2 fields?'));
    expect(summary).toContain('layered new product title:string category:ref');
    await term.press('Enter');

    expect(await term.waitForExit(30_000)).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(dir, '.layered', 'domains', 'product.json'), 'utf8')) as { spec: unknown };
    expect(manifest.spec).toEqual({
      name: 'product',
      fields: [
        { name: 'title', type: 'string', optional: false, unique: false, index: false },
        { name: 'category', type: 'ref', optional: false, unique: false, index: false, ref: 'category' },
      ],
    });
    expect(await readFile(path.join(dir, 'src', 'bootstrap.ts'), 'utf8')).toContain('createProductRouter(container)');
  }, 60_000);

  it('writes nothing when interrupted with Ctrl-C', async () => {
    const before = await snapshotTree(dir);
    term = await Terminal.start([process.execPath, launcher, 'new', 'tag', '--cwd', dir]);
    await answer(term, 'Field 1 name', 'label');
    await term.waitFor(asking('Type of label'));
    await term.press('C-c');

    expect(await term.waitForExit()).toBe(130);
    expect(await term.screen()).toContain('nothing was written');
    expect(await snapshotTree(dir)).toEqual(before);
  }, 60_000);
});
