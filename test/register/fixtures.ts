import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { HOSTS, type HostKind, type RegistrationDomain } from '../../src/register/index.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/projects');

export const PRODUCT: RegistrationDomain = { className: 'Product', fileName: 'product' };
export const ORDER_ITEM: RegistrationDomain = { className: 'OrderItem', fileName: 'order-item' };

export const HOST_KINDS: HostKind[] = ['container', 'bootstrap'];

/** The host file of one fixture project, as a host would pass it: text and project-relative path. */
export function readHost(shape: string, kind: HostKind): { text: string; filePath: string } {
  const filePath = HOSTS[kind].defaultPath;
  return { text: readFileSync(path.join(FIXTURES, shape, filePath), 'utf8'), filePath };
}

/**
 * The lines `after` has on top of `before`, when `after` is `before` with whole lines inserted
 * and nothing else changed; `undefined` otherwise. Written independently of the code under test.
 */
export function insertedLines(before: string, after: string): string[] | undefined {
  const oldLines = before.split(/(?<=\n)/);
  const newLines = after.split(/(?<=\n)/);
  const inserted: string[] = [];
  let j = 0;
  for (const line of newLines) {
    if (j < oldLines.length && line === oldLines[j]) j += 1;
    else inserted.push(line);
  }
  return j === oldLines.length ? inserted : undefined;
}
