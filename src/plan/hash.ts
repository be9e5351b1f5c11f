import { createHash } from 'node:crypto';

/**
 * Hex SHA-256 of a file's content; strings are hashed as their UTF-8 bytes, so a string and
 * the bytes written for it hash the same.
 *
 * @example
 * sha256('hello\n'); // '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03'
 */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
