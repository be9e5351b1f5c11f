import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { ExitCode } from '../../src/errors.js';
import { ApplyError, applyChanges } from '../../src/plan/apply.js';
import type { ApplyFsOperation } from '../../src/plan/fs.js';
import { typescript } from '../../src/typescript.js';
import { fixtureFiles, fixturePlan } from './support/fixture.js';
import { faultyFs, operations } from './support/faulty-fs.js';
import { makeProject, makeScratch, removeProjects, snapshot } from './support/project.js';

afterAll(removeProjects);

async function measureCalls(): Promise<Record<ApplyFsOperation, number>> {
  const root = await makeProject(fixtureFiles);
  const counting = faultyFs([]);
  await applyChanges(root, fixturePlan, { fs: counting.fs });
  return { ...counting.calls };
}
const callsOnSuccess = await measureCalls();
const cases = operations.flatMap((op) => Array.from({ length: callsOnSuccess[op] }, (_, index) => ({ op, nth: index + 1 })));

async function interruptedApply(signal: NodeJS.Signals, at: { op: ApplyFsOperation; nth: number }) {
  const root = await makeProject(fixtureFiles);
  const before = await snapshot(root);
  const listeners = process.listenerCount(signal);
  const { fs } = faultyFs([], (op, nth) => {
    if (op === at.op && nth === at.nth) process.emit(signal);
  });
  const error = await applyChanges(root, fixturePlan, { fs }).then(
    () => expect.fail('apply should have been interrupted'),
    (caught: unknown) => caught,
  );
  expect(process.listenerCount(signal)).toBe(listeners);
  return { root, before, error: error as ApplyError };
}

describe('a signal during apply', () => {
  it.each(cases)('SIGINT at $op call $nth: the run finishes restoring, then fails with exit 130', async (at) => {
    const { root, before, error } = await interruptedApply('SIGINT', at);
    expect(error).toBeInstanceOf(ApplyError);
    expect(error).toMatchObject({ code: 'INTERRUPTED', exitCode: ExitCode.Interrupted, leftovers: [] });
    expect(error.message).toMatch(/^Interrupted by SIGINT while applying changes; (the project was restored, )?nothing was changed\.$/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('SIGTERM is deferred the same way', async () => {
    const { root, before, error } = await interruptedApply('SIGTERM', { op: 'rename', nth: 3 });
    expect(error).toMatchObject({ code: 'INTERRUPTED', exitCode: ExitCode.Interrupted, message: expect.stringContaining('SIGTERM') });
    expect(await snapshot(root)).toEqual(before);
  });

  it('during a rollback does not stop it; the original failure is reported', async () => {
    const root = await makeProject(fixtureFiles);
    const before = await snapshot(root);
    const { fs } = faultyFs([{ op: 'rename', nth: 4, code: 'EIO' }], (op, nth) => {
      if (op === 'rename' && nth === 5) process.emit('SIGINT'); // the first rename of the rollback
    });
    await expect(applyChanges(root, fixturePlan, { fs })).rejects.toMatchObject({ code: 'APPLY_FAILED', leftovers: [] });
    expect(await snapshot(root)).toEqual(before);
  });

  it('after a successful apply gets the default behaviour again (no handler left)', async () => {
    const before = process.listenerCount('SIGINT');
    await applyChanges(await makeProject(fixtureFiles), fixturePlan);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

// A real process and a real signal: the compiled module is run by plain node, slowed down so
// the signal lands mid-apply.
describe('a real SIGINT/SIGTERM sent to a CLI process', () => {
  const repo = path.resolve(fileURLToPath(import.meta.url), '../../..');

  async function compileApply(): Promise<string> {
    const out = await makeScratch();
    const sources = ['src/errors.ts', ...(await readdir(path.join(repo, 'src/plan'))).filter((f) => f.endsWith('.ts')).map((f) => `src/plan/${f}`)];
    // ts-morph's bundled compiler API: the repository's own `typescript` is 7, which has none.
    const ts = typescript();
    for (const source of sources) {
      const { outputText } = ts.transpileModule(await readFile(path.join(repo, source), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      await mkdir(path.dirname(path.join(out, source)), { recursive: true });
      await writeFile(path.join(out, source.replace(/\.ts$/, '.js')), outputText);
    }
    await writeFile(path.join(out, 'package.json'), '{ "type": "module" }\n');
    await writeFile(
      path.join(out, 'child.js'),
      `import { applyChanges } from './src/plan/apply.js';
import { nodeFs } from './src/plan/fs.js';
const [root, plan] = [process.argv[2], JSON.parse(process.argv[3])];
const slow = Object.fromEntries(Object.entries(nodeFs).map(([name, call]) => [name, async (...args) => {
  if (name === 'rename') process.stdout.write('rename\\n');
  await new Promise((resolve) => setTimeout(resolve, 40));
  return call(...args);
}]));
try {
  await applyChanges(root, plan, { fs: slow });
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(error.message + '\\n');
  process.exitCode = error.exitCode ?? 3;
}
`,
    );
    return out;
  }
  const compiled = compileApply();

  it.each(['SIGINT', 'SIGTERM'] as const)('%s: exits 130 with the project restored', async (signal) => {
    const out = await compiled;
    const root = await makeProject(fixtureFiles);
    const before = await snapshot(root);
    const child = spawn(process.execPath, [path.join(out, 'child.js'), root, JSON.stringify(fixturePlan)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Mid-apply: two files already renamed into place, the third on its way.
      if (stdout.split('rename').length - 1 === 3) child.kill(signal);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(stderr).toContain(`Interrupted by ${signal} while applying changes; the project was restored, nothing was changed.`);
    expect(code).toBe(130);
    expect(await snapshot(root)).toEqual(before);
  });
});
