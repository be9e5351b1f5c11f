import type { Tree } from '../plan/index.js';

/*
 * The base of every 3-way merge: what layered generated last time for each domain file, kept
 * byte for byte under `.layered/base/<path>`. It is stored rather than re-rendered because a
 * re-render is only exact while the CLI and the templates are the ones that made it, and
 * upgrading either is exactly when a merge is needed (docs/decisions.md).
 */

export const BASE_DIR = '.layered/base';
const ATTRIBUTES_FILE = '.gitattributes';
const ATTRIBUTES_LINE = `${BASE_DIR}/** linguist-generated=true`;

export function basePath(file: string): string {
  return `${BASE_DIR}/${file}`;
}

/** The stored base of a generated file, or null when the project has none (made before bases). */
export function readBase(tree: Tree, file: string): string | null {
  return tree.read(basePath(file));
}

/** Records `content` as the base of `file`, and marks the bases as generated for code review. */
export function writeBase(tree: Tree, file: string, content: string): void {
  const target = basePath(file);
  if (tree.exists(target)) tree.modify(target, content);
  else tree.create(target, content);
  markGenerated(tree);
}

export function deleteBase(tree: Tree, file: string): void {
  tree.delete(basePath(file));
}

/** Collapses `.layered/base/` in pull requests (GitHub's linguist-generated), once per project. */
function markGenerated(tree: Tree): void {
  const current = tree.read(ATTRIBUTES_FILE);
  if (current === null) {
    tree.create(ATTRIBUTES_FILE, `${ATTRIBUTES_LINE}\n`);
  } else if (!current.split(/\r?\n/).includes(ATTRIBUTES_LINE)) {
    // Projects made before bases existed: `init` writes this file now.
    tree.modify(ATTRIBUTES_FILE, `${current}${current.endsWith('\n') || current === '' ? '' : '\n'}${ATTRIBUTES_LINE}\n`);
  }
}
