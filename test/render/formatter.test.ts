import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { packageRoot } from '../../src/package-info.js';
import { formatFiles } from '../../src/render/format.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import type * as FormatterModule from '../../src/render/formatter.js';

// The worker thread exists only in the build (`npm test` builds first): from source,
// startFormatter formats inline, so this tests the compiled module.
const built = path.join(packageRoot, 'dist', 'render', 'formatter.js');
let startFormatter: typeof FormatterModule.startFormatter;
let root: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  ({ startFormatter } = (await import(pathToFileURL(built).href)) as typeof FormatterModule);
  root = await tempDir('formatter');
  await writeFile(path.join(root, '.prettierrc.json'), '{ "singleQuote": true, "semi": false }\n');
});

describe('startFormatter (built, on a worker thread)', () => {
  it('formats like formatFiles, with the project config, and keeps the other fields', async () => {
    const files = [
      { path: 'src/a.ts', content: 'import {b} from "./b.js";\nexport const a = {b};', template: 'a.ts.hbs' },
      { path: 'package.json', content: '{"name":"x"}', template: 'package.json.hbs' },
      { path: 'Dockerfile', content: 'FROM node:20\n', template: 'Dockerfile' },
    ];
    const formatted = await startFormatter().format(root, files);
    expect(formatted).toEqual(await formatFiles(root, files));
    expect(formatted[0]).toEqual({ path: 'src/a.ts', content: "import { b } from './b.js'\nexport const a = { b }\n", template: 'a.ts.hbs' });
  });

  it("rejects with prettier's message when a file does not parse", async () => {
    await expect(startFormatter().format(root, [{ path: 'src/a.ts', content: 'const = ;' }])).rejects.toThrow('Variable declaration expected. (1:7)');
  });

  it('does not keep a process alive that never asks it to format (a command that failed early)', () => {
    const script = `import(${JSON.stringify(pathToFileURL(built).href)}).then((m) => { m.startFormatter(); console.log('started'); })`;
    const started = Date.now();
    const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
    expect(output).toBe('started\n');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
