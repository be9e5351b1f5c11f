import path from 'node:path';

import { ExitCode, LayeredError } from '../errors.js';

/**
 * Checks and normalises a project-relative POSIX path: `./a//b` becomes `a/b`.
 * Refused (as a bug in whoever built the path, exit 3): empty paths, absolute paths, drive
 * letters, backslashes, NUL, any `..` segment (even `a/../b`, which stays inside: a planner
 * that produces it is confused), and paths naming a directory (`a/`, `.`).
 *
 * @example
 * normalizeProjectPath('./src//product.ts'); // 'src/product.ts'
 * normalizeProjectPath('../outside.ts');     // throws LayeredError PLAN_PATH_ESCAPES_ROOT
 */
export function normalizeProjectPath(input: string): string {
  const refuse = (why: string): never => {
    throw new LayeredError('PLAN_PATH_ESCAPES_ROOT', `Refusing path "${input}": ${why}.`, {
      hint: 'Plan paths are project-relative POSIX paths such as src/product/product.ts.',
      exitCode: ExitCode.Internal,
      file: input,
    });
  };
  if (input.length === 0) refuse('it is empty');
  if (input.includes('\0')) refuse('it contains a NUL character');
  if (input.includes('\\')) refuse('it contains a backslash (use "/")');
  if (input.startsWith('/') || /^[A-Za-z]:/.test(input)) refuse('it is absolute');
  if (input.split('/').includes('..')) refuse('it contains a ".." segment');
  const normalized = path.posix.normalize(input);
  if (normalized === '.' || normalized.endsWith('/')) refuse('it names a directory, not a file');
  return normalized;
}

/** The absolute, platform-specific location of a project-relative path. */
export function resolveInRoot(root: string, projectPath: string): string {
  return path.join(root, ...projectPath.split('/'));
}

/**
 * The parent directories of a project-relative path, outermost first.
 *
 * @example
 * parentDirs('src/product/domain/product.ts'); // ['src', 'src/product', 'src/product/domain']
 */
export function parentDirs(projectPath: string): string[] {
  const segments = projectPath.split('/').slice(0, -1);
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}
