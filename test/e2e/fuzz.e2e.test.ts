import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { acceptedFieldTokens } from '../fuzz/arbitraries.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';

afterAll(removeTempDirs);

describe('layered new, fuzzed, through the compiler', () => {
  it('writes projects that type-check for a sample of random accepted specs', async () => {
    const project = await freshProject();
    expect((await project.cli(['new', 'customer', 'name:string'])).exitCode).toBe(0);
    // A fixed seed keeps CI reproducible; the in-memory fuzz (test/fuzz) covers breadth.
    const samples = fc.sample(acceptedFieldTokens, { numRuns: 3, seed: 20261123 });
    for (const [index, tokens] of samples.entries()) {
      const result = await project.cli(['new', `widget-${'abc'[index]}`, ...tokens]);
      expect(result.exitCode, `${tokens.join(' ')}\n${result.stderr}`).toBe(0);
    }
    const typecheck = await project.npm(['run', 'typecheck']);
    expect(typecheck.exitCode, `${samples.map((s) => s.join(' ')).join('\n')}\n${typecheck.all}`).toBe(0);
  });
});
