import { ExitCode, LayeredError } from '../../errors.js';
import { withProgress } from '../../output.js';

/**
 * Runs `npm install` in the new project. A failure keeps the written project (it is complete;
 * only its dependencies are missing) and exits 4 with the command to finish by hand.
 */
export async function installDependencies(target: string, dir: string): Promise<void> {
  const { execa } = await import('execa');
  const result = await withProgress('Installing dependencies with npm (this can take a minute)', () =>
    execa('npm', ['install', '--no-audit', '--no-fund'], { cwd: target, all: true, reject: false, stdin: 'ignore' }),
  );
  if (result.exitCode !== 0) {
    const tail = (result.all ?? '').split('\n').slice(-15).join('\n');
    throw new LayeredError('INSTALL_FAILED', `npm install failed in ${dir} (exit ${result.exitCode}):\n${tail}`, {
      hint: `The project was written and kept. Fix the cause above, then run: cd ${dir} && npm install`,
      exitCode: ExitCode.ExternalStep,
    });
  }
}
