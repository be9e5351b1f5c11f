import { describe, expect, it } from 'vitest';

import { assertCanPrompt, stdioIsTTY } from '../../src/prompts/index.js';
import { layeredError } from '../spec/expect-error.js';

describe('assertCanPrompt', () => {
  it('allows prompts on a terminal without --json', () => {
    expect(() => assertCanPrompt({ json: false, isTTY: true })).not.toThrow();
  });

  it.each([
    ['no terminal', { json: false, isTTY: false }, 'there is no terminal'],
    ['--json on a terminal', { json: true, isTTY: true }, '--json never prompts'],
    ['--json without a terminal', { json: true, isTTY: false }, '--json never prompts'],
  ])('refuses with %s, showing the flag syntax', async (_case, ability, reason) => {
    const error = await layeredError(() => assertCanPrompt(ability));
    expect(error.code).toBe('FIELDS_REQUIRED');
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain('No fields given');
    expect(error.message).toContain(reason);
    expect(error.hint).toContain('name:type[:modifier...]');
    expect(error.hint).toContain('layered new product name:string price:decimal stock:int:default=0');
    expect(error.hint).toContain('--spec product.yaml');
  });

  it("uses the user's domain in the example when it is a valid name", async () => {
    expect((await layeredError(() => assertCanPrompt({ json: false, isTTY: false, name: 'OrderItem' }))).hint).toContain('layered new order-item name:string');
    expect((await layeredError(() => assertCanPrompt({ json: false, isTTY: false, name: 'a/b' }))).hint).toContain('layered new product name:string');
  });
});

describe('stdioIsTTY', () => {
  it('needs a terminal on both stdin and stdout', () => {
    expect(stdioIsTTY({ isTTY: true }, { isTTY: true })).toBe(true);
    expect(stdioIsTTY({ isTTY: true }, {})).toBe(false);
    expect(stdioIsTTY({}, { isTTY: true })).toBe(false);
  });
});
