import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { ExitCode, LayeredError } from '../../errors.js';
import { withProgress } from '../../output.js';
import { cliVersion, templatesRoot } from '../../package-info.js';
import { applyChanges } from '../../plan/apply.js';
import { findProject } from '../../project.js';
import { renderTemplateTree } from '../../render/template-tree.js';
import { cliDevDependency } from './cli-dependency.js';
import { initGitRepository } from './git.js';
import { installDependencies } from './install.js';
import { projectNameFrom } from './project-name.js';

export interface InitOptions {
  db: 'sqlite' | 'mysql' | 'postgres';
  auth?: boolean;
  install: boolean;
  git: boolean;
  packageManager: string;
}

/** Writes a new project all-or-nothing, then installs it; throws LayeredError on refusal. */
export async function initProject(dir: string, options: InitOptions): Promise<void> {
  if (options.packageManager !== 'npm') {
    throw new LayeredError('UNSUPPORTED_PACKAGE_MANAGER', `Package manager "${options.packageManager}" is not supported yet.`, {
      hint: 'Use --package-manager npm (the default); pnpm and yarn are planned.',
    });
  }
  const target = path.resolve(dir);
  const projectName = projectNameFrom(target);
  const createdTarget = await prepareTarget(target, dir);

  const files = await renderTemplateTree(path.join(templatesRoot, 'project'), {
    projectName,
    databaseUrl: databaseUrlFor(options.db, projectName),
    cliVersion: cliVersion(),
    cliDependency: cliDevDependency(),
  });
  try {
    await withProgress(`Writing ${files.length} files to ${dir}`, () =>
      applyChanges(target, files.map((file) => ({ kind: 'create' as const, path: file.path, content: file.content }))),
    );
    if (options.auth) await addAuth(target);
  } catch (error) {
    if (createdTarget) await rm(target, { recursive: true, force: true });
    throw error;
  }

  // A failed install still gets its repository: the project is written and kept (exit 4).
  let installError: unknown;
  if (options.install) await installDependencies(target, dir).catch((error: unknown) => (installError = error));
  if (options.git) process.stderr.write(`${await initGitRepository(target)}\n`);
  if (installError !== undefined) throw installError;
  process.stderr.write(`\nNext:\n  cd ${dir}\n${options.install ? '' : '  npm install\n'}  npm run dev    # then open http://localhost:3000/api/docs\n`);
}

/** `init --auth` is `init` then `add auth`, before the install so that its dependencies come too. */
async function addAuth(target: string): Promise<void> {
  const { authFeature } = await import('../../features/auth/index.js');
  const tree = await authFeature.plan(await findProject(target));
  await applyChanges(target, tree.changes());
}

/** Returns true when it created the directory (so a failed write can remove it again). */
async function prepareTarget(target: string, dir: string): Promise<boolean> {
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) {
    await mkdir(target, { recursive: true });
    return true;
  }
  if (!info.isDirectory()) {
    throw new LayeredError('TARGET_NOT_A_DIRECTORY', `${dir} exists and is not a directory.`, {
      hint: 'Choose another name for the project directory.',
      exitCode: ExitCode.Conflict,
    });
  }
  const entries = (await readdir(target)).filter((entry) => entry !== '.git');
  if (entries.length > 0) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '');
    throw new LayeredError('TARGET_NOT_EMPTY', `${dir} is not empty (it holds ${shown}).`, {
      hint: 'Run init into a new or empty directory (a .git folder is allowed).',
      exitCode: ExitCode.Conflict,
    });
  }
  return false;
}

function databaseUrlFor(db: InitOptions['db'], projectName: string): string {
  const database = projectName.replace(/[^a-z0-9]/g, '_');
  if (db === 'mysql') return `mysql://root@127.0.0.1:3306/${database}`;
  if (db === 'postgres') return `postgres://postgres@127.0.0.1:5432/${database}`;
  return 'sqlite:./dev.db';
}
