import type { Tree } from '../plan/index.js';
import { MARKER, type ProjectConfig } from '../project.js';
import type { RenderedFile } from '../render/template-tree.js';

/** A feature's template file where the project keeps it: its migrations in the project's folder. */
export function inProject(config: ProjectConfig, file: RenderedFile): RenderedFile {
  const migration = file.path.startsWith('migrations/');
  return migration ? { ...file, path: `${config.migrations}/${file.path.slice('migrations/'.length)}` } : file;
}

/**
 * Records the feature in `.layered/project.json` (`features`, a sorted list) so `add` refuses
 * it twice and `new` knows what the project has.
 */
export function recordFeature(tree: Tree, name: string): void {
  const config = JSON.parse(read(tree, MARKER)) as { features?: string[] };
  config.features = [...new Set([...(config.features ?? []), name])].sort();
  tree.modify(MARKER, `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * Adds dependencies to the project's package.json, sorted; a version the project already pins
 * (a user's choice, or another feature's) is kept.
 */
export function addDependencies(tree: Tree, dependencies: Readonly<Record<string, string>>): void {
  const manifest = JSON.parse(read(tree, 'package.json')) as { dependencies?: Record<string, string> };
  const merged = { ...dependencies, ...manifest.dependencies };
  manifest.dependencies = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  tree.modify('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Appends lines to a text file, unless it is absent (`.env` is the user's and may not exist). */
export function appendLines(tree: Tree, path: string, lines: string): void {
  const text = tree.read(path);
  if (text === null) return;
  tree.modify(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${lines}`);
}

function read(tree: Tree, path: string): string {
  const text = tree.read(path);
  if (text === null) throw new Error(`${path} is missing`);
  return text;
}
