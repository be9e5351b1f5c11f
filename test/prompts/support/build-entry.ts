import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const repo = path.resolve(import.meta.dirname, '../../..');

export interface BuiltEntry {
  /** The compiled ask-spec-entry.js, to run with node. */
  entry: string;
  /** A scratch directory for the test's own files (results). */
  dir: string;
  remove: () => Promise<void>;
}

/**
 * Compiles the prompt entry and only the sources it imports into a private temp directory
 * (not dist/, which other runs share): no type check here, `tsc --noEmit` does that. Its
 * node_modules is a link to the repository's, and a package.json makes the output ESM.
 */
export async function buildEntry(): Promise<BuiltEntry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'layered-prompts-'));
  const out = path.join(dir, 'out');
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  await symlink(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const tsconfig = {
    extends: path.join(repo, 'tsconfig.json'),
    compilerOptions: { noEmit: false, noCheck: true, sourceMap: false, types: [], rootDir: repo, outDir: out },
    files: [path.join(repo, 'test/prompts/support/ask-spec-entry.ts')],
    include: [],
  };
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  await promisify(execFile)(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json')]);
  return { entry: path.join(out, 'test/prompts/support/ask-spec-entry.js'), dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
