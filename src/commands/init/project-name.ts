import path from 'node:path';

import { kebabCase } from 'change-case';

import { LayeredError } from '../../errors.js';

const NPM_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The npm package name of a new project: the directory's own name, which must already be a
 * valid lower-case npm name (we refuse rather than silently rename the user's directory).
 *
 * @example projectNameFrom('/home/me/shop') // 'shop'
 */
export function projectNameFrom(target: string): string {
  const name = path.basename(target);
  if (NPM_NAME.test(name) && name.length <= 214) return name;
  const suggestion = kebabCase(name).replace(/[^a-z0-9-]/g, '');
  throw new LayeredError('BAD_PROJECT_NAME', `"${name}" cannot be a project name: it must be a lower-case npm package name.`, {
    hint: suggestion && NPM_NAME.test(suggestion)
      ? `Use letters, digits, "-", "." or "_", starting with a letter or digit, e.g. layered init ${suggestion}`
      : 'Use letters, digits, "-", "." or "_", starting with a letter or digit, e.g. layered init shop',
  });
}
