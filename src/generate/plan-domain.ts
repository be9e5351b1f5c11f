import { ExitCode, LayeredError } from '../errors.js';
import { manifestPath, MANIFEST_FORMAT, serializeManifest, type Manifest } from '../manifest.js';
import { cliVersion } from '../package-info.js';
import { sha256, Tree } from '../plan/index.js';
import type { Project } from '../project.js';
import type { Formatter } from '../render/formatter.js';
import { templateOrigin } from '../render/overrides.js';
import type { RenderedFile } from '../render/template-tree.js';
import { domainNames, type DomainSpec } from '../spec/index.js';
import { writeBase } from './base-store.js';
import { migrationName } from './migration-name.js';
import { editRegistrations, type RegistrationResult } from './register-domain.js';
import { renderDomain } from './render-domain.js';

export interface PlanDomainOptions {
  /** Overwrite files that are in the way (a domain registered by hand, with no manifest). */
  force: boolean;
  tests: boolean;
  /** Started early by the command (`startFormatter`), so that prettier loads while this plans. */
  formatter: Formatter;
}

export interface DomainPlan {
  tree: Tree;
  manifest: Manifest;
  registrations: RegistrationResult[];
}

/**
 * Plans a new domain in memory: render the domain templates, format them with the project's
 * prettier config, register the domain in the two host files, record the manifest and the merge
 * bases. Nothing is written; conflicts are left in `tree.conflicts()` for the caller to report.
 * A domain that has a manifest already changes through `planChange` instead.
 */
export async function planDomain(project: Project, spec: DomainSpec, options: PlanDomainOptions): Promise<DomainPlan> {
  const { root, config } = project;
  const names = domainNames(spec.name);
  const migration = await migrationName(root, config.migrations, names.tableName);
  const rendered = await renderDomain(project, spec, { migrationName: migration, tests: options.tests, migration: true });
  const tree = new Tree(root, { overwrite: options.force ? 'overwrite' : 'conflict' });
  // Formatting runs while the host files are edited (on the formatter's thread, when it has one).
  const [files, registrations] = await Promise.all([options.formatter.format(root, rendered), editRegistrations('add', tree, config, names)]);
  if (!options.force && registrations.every((r) => !r.changed)) {
    throw new LayeredError('DOMAIN_REGISTERED', `${names.fileName} is already registered in ${config.serverContainer} and ${config.bootstrap}, but has no manifest.`, {
      hint: `Remove its lines from both files, or run again with --force to regenerate it.`,
      exitCode: ExitCode.Conflict,
    });
  }

  const migrationPath = `${config.migrations}/${migration}.ts`;
  for (const file of files) {
    tree.create(file.path, file.content);
    if (file.path !== migrationPath) writeBase(tree, file.path, file.content);
  }
  const manifest: Manifest = {
    formatVersion: MANIFEST_FORMAT,
    cliVersion: cliVersion(),
    spec,
    files: files.map(manifestEntry),
    registrations: registrations.map(({ file, kind }) => ({ file, kind })),
    migrations: [migrationPath],
  };
  tree.create(manifestPath(names.fileName), serializeManifest(manifest));
  return { tree, manifest, registrations };
}

/** How the manifest lists a generated file: the hash of what layered wrote, and its template. */
export function manifestEntry(file: RenderedFile): Manifest['files'][number] {
  return { path: file.path, sha256: sha256(file.content), template: file.template, origin: templateOrigin(file, cliVersion()) };
}
