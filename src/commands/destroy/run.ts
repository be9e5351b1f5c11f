import path from 'node:path';

import { ExitCode, LayeredError } from '../../errors.js';
import { migrationName } from '../../generate/migration-name.js';
import { migrationStatus } from '../../generate/migration-status.js';
import { deleteBase } from '../../generate/base-store.js';
import { editRegistrations } from '../../generate/register-domain.js';
import { manifestPath, readManifest, requireManifest, type Manifest } from '../../manifest.js';
import { templatesRoot } from '../../package-info.js';
import { sha256, Tree } from '../../plan/index.js';
import { findProject, listDomains, type Project } from '../../project.js';
import { formatFiles } from '../../render/format.js';
import { renderTemplateTree } from '../../render/template-tree.js';
import { domainNames, type DomainNames } from '../../spec/index.js';
import { finishPlan } from '../finish-plan.js';

export interface DestroyOptions {
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  cwd: string;
}

export async function runDestroy(domain: string, options: DestroyOptions): Promise<void> {
  const project = await findProject(options.cwd);
  const names = domainNames(domain);
  const manifest = await requireManifest(project.root, names.fileName);
  await refuseWhenReferenced(project, names);

  const tree = new Tree(project.root);
  const edited = manifest.files.filter((file) => {
    const content = tree.read(file.path);
    return content !== null && sha256(content) !== file.sha256;
  });
  if (edited.length > 0 && !options.force) {
    throw new LayeredError('GENERATED_FILES_EDITED', `${edited.length} of ${names.fileName}'s files were edited since \`layered new\`:\n${edited.map((f) => `  ${f.path}`).join('\n')}`, {
      hint: 'Nothing was removed. Keep your changes elsewhere, or run again with --force to remove them anyway.',
      exitCode: ExitCode.Conflict,
    });
  }

  const keepMigrations = await planMigration(project, manifest, names, tree);
  for (const file of manifest.files) {
    if (manifest.migrations.includes(file.path) && keepMigrations) continue;
    if (tree.exists(file.path)) tree.delete(file.path);
    deleteBase(tree, file.path);
  }
  await editRegistrations('remove', tree, project.config, names);
  tree.delete(manifestPath(names.fileName));

  const summary = await finishPlan(tree, options);
  if (summary && !options.json && keepMigrations) {
    process.stdout.write(`\nKept ${manifest.migrations.join(', ')}: ${keepMigrations}. Run npm run migrate to drop the table.\n`);
  }
}

async function refuseWhenReferenced(project: Project, names: DomainNames): Promise<void> {
  const referrers: string[] = [];
  for (const other of await listDomains(project.root)) {
    if (other === names.fileName) continue;
    const manifest = await readManifest(project.root, other);
    const fields = manifest?.spec.fields.filter((field) => field.ref === names.fileName) ?? [];
    referrers.push(...fields.map((field) => `${other}.${field.name}`));
  }
  if (referrers.length > 0) {
    throw new LayeredError('DOMAIN_REFERENCED', `${names.fileName} is referenced by ${referrers.join(', ')}.`, {
      hint: `Destroy those domains first (or remove their ref fields and regenerate them with --force).`,
      exitCode: ExitCode.Conflict,
    });
  }
}

/**
 * Deletes the domain's migrations when nobody can have run any of them; otherwise keeps them all
 * and plans a new migration that drops the table (its `down` re-creates it by running their
 * `up`s in order). Returns why the migrations were kept, or undefined when they go.
 */
async function planMigration(project: Project, manifest: Manifest, names: DomainNames, tree: Tree): Promise<string | undefined> {
  for (const migration of manifest.migrations) {
    const status = await migrationStatus(project.root, migration);
    if (!status.deletable) return planDropMigration(project, manifest, names, tree, status.reason);
  }
  return undefined;
}

async function planDropMigration(project: Project, manifest: Manifest, names: DomainNames, tree: Tree, reason: string): Promise<string> {
  const dir = project.config.migrations;
  const drop = await migrationName(project.root, dir, names.tableName, 'drop');
  const [template] = await renderTemplateTree(path.join(templatesRoot, 'drop-migration'), {
    className: names.className,
    tableName: names.tableName,
    migrations: manifest.migrations.map((file, i) => ({
      name: path.posix.basename(file, '.ts'),
      alias: i === 0 ? `create${names.className}Table` : `alter${names.className}Table${i}`,
    })),
  });
  if (!template) throw new Error('templates/drop-migration holds no template');
  const [file] = await formatFiles(project.root, [{ path: `${dir}/${drop}.ts`, content: template.content }]);
  tree.create(file!.path, file!.content);
  return reason;
}
