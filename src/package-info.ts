import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The CLI's install root: `dist/` and `templates/` sit side by side under it. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export const templatesRoot = path.join(packageRoot, 'templates');

let version: string | undefined;

/** The CLI version, read once from its own package.json (recorded in every manifest). */
export function cliVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    version: string;
  }).version;
  return version;
}
