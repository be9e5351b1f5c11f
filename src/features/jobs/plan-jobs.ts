import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ExitCode, LayeredError } from '../../errors.js';
import { writeBase } from '../../generate/base-store.js';
import { migrationName } from '../../generate/migration-name.js';
import { manifestEntry } from '../../generate/plan-domain.js';
import { editRegistrations } from '../../generate/register-domain.js';
import { manifestPath, readManifest, serializeManifest } from '../../manifest.js';
import { templatesRoot } from '../../package-info.js';
import { Tree } from '../../plan/index.js';
import { listDomains, type Project } from '../../project.js';
import { domainView } from '../../render/domain-view.js';
import { formatFiles } from '../../render/format.js';
import { overrideRoot } from '../../render/overrides.js';
import { renderTemplateTree } from '../../render/template-tree.js';
import { domainNames } from '../../spec/index.js';
import type { Feature } from '../feature.js';
import { addDependencies, inProject, recordFeature } from '../project-edits.js';
import { withJobsRegistered } from './register-jobs-module.js';

const FEATURE_ROOT = path.join(templatesRoot, 'features', 'jobs');

/**
 * `layered add jobs`: the jobs core, the worker, the consumers host file and the outbox
 * migration; BullMQ and ioredis in package.json with the worker's scripts; the jobs module in
 * the server container; `jobs` in the project's features; and a consumer for each domain the
 * project has, registered and recorded in its manifest, as `new` makes them from now on.
 */
export const jobsFeature: Feature = {
  name: 'jobs',
  next: 'Added jobs. Next: npm install, npm run migrate, then npm run worker beside the API (REDIS_URL, default redis://127.0.0.1:6379).',
  plan: planJobs,
};

async function planJobs(project: Project): Promise<Tree> {
  const { root, config } = project;
  const withJobs = { ...project, config: { ...config, features: [...(config.features ?? []), 'jobs'].sort() } };
  const tree = new Tree(root);

  const migration = await migrationName(root, config.migrations, 'outbox');
  const core = await renderTemplateTree(path.join(FEATURE_ROOT, 'project'), { migrationName: migration });
  for (const file of await formatFiles(root, core.map((file) => inProject(config, file)))) tree.create(file.path, file.content);

  const additions = JSON.parse(await readFile(path.join(FEATURE_ROOT, 'package.json'), 'utf8')) as PackageAdditions;
  addScripts(tree, additions.scripts);
  addDependencies(tree, additions.dependencies);
  recordFeature(tree, 'jobs');
  const container = tree.read(config.serverContainer);
  tree.modify(config.serverContainer, withJobsRegistered(container, config.serverContainer));

  for (const domain of await listDomains(root)) await planConsumer(withJobs, tree, domain);
  return tree;
}

/** A domain made before jobs: its consumer, its line in src/consumers.ts, its manifest entry. */
async function planConsumer(project: Project, tree: Tree, domain: string): Promise<void> {
  const manifest = await readManifest(project.root, domain);
  if (!manifest) return;
  const names = domainNames(manifest.spec.name);
  const view = domainView(manifest.spec, { migrationName: path.posix.basename(manifest.migrations[0] ?? '', '.ts') });
  const rendered = await renderTemplateTree(path.join(FEATURE_ROOT, 'domain'), view, { overrideRoot: await overrideRoot(project.root) });
  const files = await formatFiles(project.root, rendered);
  for (const file of files) {
    tree.create(file.path, file.content);
    writeBase(tree, file.path, file.content);
  }
  const registrations = await editRegistrations('add', tree, project.config, names);
  const consumers = registrations.filter((r) => r.kind === 'consumers').map(({ file, kind }) => ({ file, kind }));
  tree.modify(
    manifestPath(names.fileName),
    serializeManifest({ ...manifest, files: [...manifest.files, ...files.map(manifestEntry)], registrations: [...manifest.registrations, ...consumers] }),
  );
}

interface PackageAdditions {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
}

/** The worker's scripts in package.json; a script name already in use for something else is refused. */
function addScripts(tree: Tree, scripts: Readonly<Record<string, string>>): void {
  const text = tree.read('package.json');
  if (text === null) throw missing('package.json');
  const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
  const taken = Object.keys(scripts).filter((name) => pkg.scripts?.[name] !== undefined && pkg.scripts[name] !== scripts[name]);
  if (taken.length > 0) {
    throw new LayeredError('PACKAGE_SCRIPT_TAKEN', `package.json already has the script${taken.length > 1 ? 's' : ''} ${taken.join(', ')}, which jobs needs.`, {
      hint: 'Rename or remove them, then run `layered add jobs` again. Nothing was changed.',
      exitCode: ExitCode.Conflict,
      file: 'package.json',
    });
  }
  tree.modify('package.json', `${JSON.stringify({ ...pkg, scripts: { ...pkg.scripts, ...scripts } }, null, 2)}\n`);
}

function missing(file: string): LayeredError {
  return new LayeredError('PROJECT_FILE_MISSING', `${file} is missing.`, {
    hint: `Restore it from version control; layered add jobs edits it.`,
    exitCode: ExitCode.Conflict,
    file,
  });
}
