import path from 'node:path';

import { cliVersion } from '../../package-info.js';

/**
 * Makes the new project a git repository with a first commit, as `nest new` and `rails new`
 * do, and returns the line that says what happened. Skipped when git is missing or the
 * target is already inside a repository (a package of a monorepo: no repository nested in
 * another). A git that fails (no user.name configured) is reported and init goes on: the
 * project is complete without it.
 */
export async function initGitRepository(target: string): Promise<string> {
  const { execa } = await import('execa');
  const git = (args: string[]) => execa('git', args, { cwd: target, reject: false, stdin: 'ignore', all: true });

  const inside = await git(['rev-parse', '--show-toplevel']);
  if ((inside as { code?: string }).code === 'ENOENT') return 'git not found: skipped git init (install git, or pass --no-git to skip it quietly).';
  if (inside.exitCode === 0) {
    return `${target} is inside the git repository at ${inside.stdout.trim() || path.dirname(target)}: no second repository made.`;
  }

  for (const args of [['init', '--quiet'], ['add', '--all'], ['commit', '--quiet', '--message', `Initial commit from layered ${cliVersion()}`]]) {
    const result = await git(args);
    if (result.exitCode !== 0) {
      const reason = firstLine(result.all ?? '') || `exit ${result.exitCode}`;
      const made = args[0] === 'init' ? 'no repository was made' : 'the repository is there without a first commit';
      return `git ${args[0]} failed (${reason}): ${made}; the project is complete, commit it yourself.`;
    }
  }
  return 'Made a git repository with a first commit.';
}

/** The line of git's output that says why, skipping its "*** Please tell me who you are." banner. */
function firstLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  return lines.find((line) => /^(fatal|error):/.test(line))?.replace(/^(fatal|error):\s*/, '') ?? lines.find(Boolean) ?? '';
}
