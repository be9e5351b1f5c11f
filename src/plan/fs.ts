import * as fsp from 'node:fs/promises';

/**
 * The only file system operations `applyChanges` performs: the seam tests use to fail the Nth
 * call of any of them. Paths are absolute.
 *
 * @example
 * await applyChanges(root, changes, { fs: { ...nodeFs, rename: failingRename } });
 */
export interface ApplyFs {
  lstat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; mode: number }>;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Never recursive for the project: apply records each directory it creates, to remove it again. */
  mkdir(path: string, options?: { recursive?: boolean }): Promise<void>;
  rmdir(path: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export type ApplyFsOperation = keyof ApplyFs;

/** `ApplyFs` backed by `node:fs/promises`. */
export const nodeFs: ApplyFs = {
  lstat: (path) => fsp.lstat(path),
  readFile: (path) => fsp.readFile(path),
  // `wx`: a temp name that is somehow taken is an error, never someone else's file overwritten.
  writeFile: (path, data) => fsp.writeFile(path, data, { flag: 'wx' }),
  chmod: (path, mode) => fsp.chmod(path, mode),
  rename: (from, to) => fsp.rename(from, to),
  mkdir: async (path, options) => {
    await fsp.mkdir(path, options);
  },
  rmdir: (path) => fsp.rmdir(path),
  unlink: (path) => fsp.unlink(path),
};
