import { constants } from 'node:os';

import { nodeFs, type ApplyFs, type ApplyFsOperation } from '../../../src/plan/fs.js';

export const operations: readonly ApplyFsOperation[] = ['lstat', 'readFile', 'writeFile', 'chmod', 'rename', 'mkdir', 'rmdir', 'unlink'];

export interface Fault {
  op: ApplyFsOperation;
  /** 1-based call of `op` that fails. */
  nth: number;
  code: string;
  /** Keep failing every later call too (a disk that stays full or read-only). */
  persist?: boolean;
}

export interface FaultyFs {
  fs: ApplyFs;
  /** Calls made so far, per operation. */
  calls: Record<ApplyFsOperation, number>;
  /** Faults that fired, in order. */
  fired: Fault[];
}

/** A Node-style errno error, as `fs/promises` would reject with. */
export function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const errno = (constants.errno as Record<string, number>)[code];
  return Object.assign(new Error(`${code}: injected failure, ${syscall} '${file}'`), { code, syscall, path: file, ...(errno ? { errno: -errno } : {}) });
}

/**
 * Wraps `nodeFs` so chosen calls fail. A failing `writeFile` first writes half its data, as a
 * real ENOSPC does, so the test also proves partial temp files are cleaned up.
 * `onCall` runs before each call (e.g. to emit a signal mid-apply).
 */
export function faultyFs(faults: readonly Fault[], onCall?: (op: ApplyFsOperation, nth: number) => void): FaultyFs {
  const calls = Object.fromEntries(operations.map((op) => [op, 0])) as Record<ApplyFsOperation, number>;
  const fired: Fault[] = [];
  const guard = async (op: ApplyFsOperation, file: string, partial?: () => Promise<void>): Promise<void> => {
    const nth = ++calls[op];
    onCall?.(op, nth);
    const fault = faults.find((f) => f.op === op && (f.persist ? nth >= f.nth : nth === f.nth));
    if (!fault) return;
    fired.push(fault);
    await partial?.().catch(() => undefined);
    throw errnoError(fault.code, op, file);
  };
  const fs: ApplyFs = {
    lstat: async (file) => (await guard('lstat', file), nodeFs.lstat(file)),
    readFile: async (file) => (await guard('readFile', file), nodeFs.readFile(file)),
    writeFile: async (file, data) => {
      await guard('writeFile', file, () => nodeFs.writeFile(file, data.subarray(0, Math.floor(data.length / 2))));
      return nodeFs.writeFile(file, data);
    },
    chmod: async (file, mode) => (await guard('chmod', file), nodeFs.chmod(file, mode)),
    rename: async (from, to) => (await guard('rename', from), nodeFs.rename(from, to)),
    mkdir: async (dir, options) => (await guard('mkdir', dir), nodeFs.mkdir(dir, options)),
    rmdir: async (dir) => (await guard('rmdir', dir), nodeFs.rmdir(dir)),
    unlink: async (file) => (await guard('unlink', file), nodeFs.unlink(file)),
  };
  return { fs, calls, fired };
}
