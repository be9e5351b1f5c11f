import { readFile } from 'node:fs/promises';
import path from 'node:path';

import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

import { listTemplates } from '../../src/render/template-tree.js';

const root = path.join(import.meta.dirname, '../../templates/project');

/**
 * `init` copies the project's `.ts` files as they are (only `.hbs` files are rendered and
 * formatted), so each must already be what the project's own prettier config prints: a user who
 * runs prettier on a fresh project should see no change.
 */
describe('the project template', async () => {
  const config = JSON.parse(await readFile(path.join(root, 'dot_prettierrc.json'), 'utf8')) as prettier.Options;
  const files = (await listTemplates(root)).filter((file) => file.endsWith('.ts'));

  it.each(files)('%s is formatted as the project formats it', async (file) => {
    const source = await readFile(path.join(root, file), 'utf8');
    expect(await prettier.format(source, { ...config, filepath: file })).toBe(source);
  });
});
