import { existsSync } from 'node:fs';
import path from 'node:path';

import { cliVersion, packageRoot } from '../../package-info.js';

/** Written into the package by `npm publish` only (scripts/release-stamp.mjs). */
export const RELEASE_STAMP = 'release.json';

/**
 * The devDependency a new project records for the CLI, so that `npx layered` in it runs the
 * version that generated it, for everyone on the team: the exact version when this CLI came
 * from the registry. A CLI packed into a tarball or run from a clone is not on the registry
 * under that name and version (npm install would fail with a 404), so the project gets none
 * and `npx layered` runs the `layered` on the PATH; the drift notice tells when they differ.
 *
 * @example cliDevDependency() // '0.1.0' when published, undefined from a tarball or a clone
 */
export function cliDevDependency(root = packageRoot): string | undefined {
  return existsSync(path.join(root, RELEASE_STAMP)) ? cliVersion() : undefined;
}
