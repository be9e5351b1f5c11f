import { expect, it } from 'vitest';

import { sha256 } from '../../src/plan/hash.js';

it('hashes a string as its UTF-8 bytes', () => {
  expect(sha256('hello\n')).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
  expect(sha256('é')).toBe(sha256(Buffer.from('é', 'utf8')));
  expect(sha256('a\r\n')).not.toBe(sha256('a\n'));
});
