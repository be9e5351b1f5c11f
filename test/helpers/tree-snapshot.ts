import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file and directory under `root` with a hash of each file's bytes, so two calls can
 * prove a command left a project byte-for-byte as it was.
 */
export async function snapshotTree(root: string, ignore: string[] = ['node_modules']): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (ignore.some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`))) continue;
    result[relative] = entry.isDirectory()
      ? 'dir'
      : createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return result;
}
