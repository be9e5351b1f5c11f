import { expect } from 'vitest';
import { LayeredError } from '../../src/errors.js';

/** Runs `run` and returns the LayeredError it throws (failing the test on anything else). */
export async function layeredError(run: () => unknown): Promise<LayeredError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(LayeredError);
    return error as LayeredError;
  }
  throw new Error('expected a LayeredError, but nothing was thrown');
}

/** Asserts code, message and hint content of a refusal, and that it is exit 1 (bad input). */
export async function expectRefusal(run: () => unknown, expected: { code: string; message: RegExp | string; hint: RegExp | string }): Promise<void> {
  const error = await layeredError(run);
  expect(error.code).toBe(expected.code);
  expect(error.exitCode).toBe(1);
  if (typeof expected.message === 'string') expect(error.message).toContain(expected.message);
  else expect(error.message).toMatch(expected.message);
  if (typeof expected.hint === 'string') expect(error.hint).toContain(expected.hint);
  else expect(error.hint).toMatch(expected.hint);
}
