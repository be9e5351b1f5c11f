import path from 'node:path';

import { ExitCode, LayeredError } from '../errors.js';
import { manifestPath, MANIFEST_FORMAT, serializeManifest, type Manifest } from '../manifest.js';
import { cliVersion, templatesRoot } from '../package-info.js';
import { sha256, Tree } from '../plan/index.js';
import type { Project } from '../project.js';
import type { Formatter } from '../render/formatter.js';
import { overrideRoot, templateOrigin } from '../render/overrides.js';
import { renderTemplateTree } from '../render/template-tree.js';
import { domainView } from '../render/domain-view.js';
import { domainNames, type DomainSpec } from '../spec/index.js';
import { migrationName } from './migration-name.js';
import { editRegistrations, type RegistrationResult } from './register-domain.js';

export interface PlanDomainOptions {
  force: boolean;
  tests: boolean;
  /** The domain's manifest when it exists already (a `--force` re-run keeps its migration name). */
  previous: Manifest | undefined;
  /** Started early by the command (`startFormatter`), so that prettier loads while this plans. */
  formatter: Formatter;
}

export interface DomainPlan {
  tree: Tree;
  manifest: Manifest;
  registrations: RegistrationResult[];
}

/**
 * Plans a whole domain in memory: render the domain templates, format them with the project's
 * prettier config, register the domain in the two host files, record the manifest. Nothing is
 * written; conflicts are left in `tree.conflicts()` for the caller to report.
 */
export async function planDomain(project: Project, spec: DomainSpec, options: PlanDomainOptions): Promise<DomainPlan> {
  const { root, config } = project;
  const names = domainNames(spec.name);
  const migration = options.previous
    ? path.posix.basename(options.previous.migration, '.ts')
    : await migrationName(root, config.migrations, names.tableName);

  const rendered = await renderTemplateTree(path.join(templatesRoot, 'domain'), domainView(spec, { migrationName: migration }), {
    overrideRoot: await overrideRoot(root),
  });
  const wanted = rendered.filter((file) => options.tests || !file.path.startsWith('test/'));
  const tree = new Tree(root, { overwrite: options.force ? 'overwrite' : 'conflict' });
  // Formatting runs while the host files are edited (on the formatter's thread, when it has one).
  const [files, registrations] = await Promise.all([
    options.formatter.format(root, wanted.map((file) => ({ ...file, path: relocate(file.path, config.migrations) }))),
    editRegistrations('add', tree, config, names),
  ]);
  if (!options.force && !options.previous && registrations.every((r) => !r.changed)) {
    throw new LayeredError('DOMAIN_REGISTERED', `${names.fileName} is already registered in ${config.serverContainer} and ${config.bootstrap}, but has no manifest.`, {
      hint: `Remove its lines from both files, or run again with --force to regenerate it.`,
      exitCode: ExitCode.Conflict,
    });
  }

  for (const file of files) tree.create(file.path, file.content);
  // A --force re-run replaces the previous run's files; any it no longer generates go.
  for (const old of options.previous?.files ?? []) {
    if (!files.some((file) => file.path === old.path) && tree.exists(old.path)) tree.delete(old.path);
  }

  const migrationPath = `${config.migrations}/${migration}.ts`;
  const manifest: Manifest = {
    formatVersion: MANIFEST_FORMAT,
    cliVersion: cliVersion(),
    spec,
    files: files.map((file) => ({ path: file.path, sha256: sha256(file.content), template: file.template, origin: templateOrigin(file, cliVersion()) })),
    registrations: registrations.map(({ file, kind }) => ({ file, kind })),
    migration: migrationPath,
  };
  const manifestFile = manifestPath(names.fileName);
  if (options.previous) tree.modify(manifestFile, serializeManifest(manifest));
  else tree.create(manifestFile, serializeManifest(manifest));
  return { tree, manifest, registrations };
}

/** Templates write migrations under `migrations/`; the project may keep them elsewhere. */
function relocate(file: string, migrationsDir: string): string {
  return file.startsWith('migrations/') ? `${migrationsDir}/${file.slice('migrations/'.length)}` : file;
}
