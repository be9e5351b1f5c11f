import { readFile } from 'node:fs/promises';
import path from 'node:path';

import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

import { listTemplates } from '../../src/render/template-tree.js';

const templates = path.join(import.meta.dirname, '../../templates');
const root = path.join(templates, 'project');
/** Trees copied into a project as they are: `init`'s, and each feature's (`layered add`). */
const copied = ['project', 'features/auth', 'features/jobs/project'];

/**
 * `init` and `add` copy the project's and the features' `.ts` files as they are (only `.hbs` files are rendered and
 * formatted), so each must already be what the project's own prettier config prints: a user who
 * runs prettier on a fresh project should see no change.
 */
describe.each(copied)('the %s template', async (tree) => {
  const config = JSON.parse(await readFile(path.join(root, 'dot_prettierrc.json'), 'utf8')) as prettier.Options;
  const files = (await listTemplates(path.join(templates, tree))).filter((file) => file.endsWith('.ts'));

  it.each(files)('%s is formatted as the project formats it', async (file) => {
    const source = await readFile(path.join(templates, tree, file), 'utf8');
    expect(await prettier.format(source, { ...config, filepath: file })).toBe(source);
  });
});
