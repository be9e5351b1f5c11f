import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

/** A file to put in a fixture project; a string is UTF-8 content with mode 0o644. */
export type FixtureFile = string | { content: string | Buffer; mode: number };

/** A real project folder under the OS temp dir, removed by `removeProjects()`. */
export async function makeProject(files: Record<string, FixtureFile> = {}): Promise<string> {
  const root = await tempDir('plan');
  for (const [file, spec] of Object.entries(files)) {
    const absolute = path.join(root, file);
    await mkdir(path.dirname(absolute), { recursive: true });
    const { content, mode } = typeof spec === 'string' ? { content: spec, mode: 0o644 } : spec;
    await writeFile(absolute, content);
    await chmod(absolute, mode);
  }
  return root;
}

/** A scratch folder (for rescue copies) removed with the projects. */
export async function makeScratch(): Promise<string> {
  return tempDir('scratch');
}

export const removeProjects = removeTempDirs;

/**
 * Every entry under `root`, sorted: directories with their mode, files with mode and SHA-256.
 * Two equal snapshots mean the trees are byte-identical, with no stray temp files or folders.
 */
export async function snapshot(root: string): Promise<string[]> {
  const lines: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const absolute = path.join(dir, name);
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      const stats = await lstat(absolute);
      const mode = (stats.mode & 0o7777).toString(8);
      if (stats.isDirectory()) {
        lines.push(`${relative}/ ${mode}`);
        await walk(absolute);
      } else {
        lines.push(`${relative} ${mode} ${createHash('sha256').update(await readFile(absolute)).digest('hex')}`);
      }
    }
  };
  await walk(root);
  return lines;
}

export async function readText(root: string, file: string): Promise<string> {
  return readFile(path.join(root, file), 'utf8');
}
