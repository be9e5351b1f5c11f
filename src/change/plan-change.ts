import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { migrationName } from '../generate/migration-name.js';
import { manifestAfter, regenerateDomain, type ConflictMode, type FileConflict } from '../generate/regenerate-domain.js';
import { manifestPath, serializeManifest, type Manifest } from '../manifest.js';
import { templatesRoot } from '../package-info.js';
import { sha256, Tree } from '../plan/index.js';
import type { Project } from '../project.js';
import type { Formatter } from '../render/formatter.js';
import { renderTemplateTree } from '../render/template-tree.js';
import { domainNames } from '../spec/index.js';
import { alterMigrationView } from './alter-migration.js';
import { assertSafe, changesSchema, columnChanges, risks, type ColumnChange } from './column-changes.js';
import type { ChangeTarget } from './operations.js';

export interface PlanChangeOptions {
  formatter: Formatter;
  conflicts: ConflictMode;
  allowDataLoss: boolean;
}

export interface ChangePlan {
  tree: Tree;
  manifest: Manifest;
  changes: ColumnChange[];
  /** The new migration's path, when the table changes. */
  migration: string | undefined;
  conflicts: FileConflict[];
}

/** Core files `change` migrations import; projects made before `change` existed get them. */
const CORE_FILES = ['src/_core/infrastructure/dialect.ts', 'src/_core/infrastructure/alter-table.ts'];

/**
 * Plans `layered change`: checks the data-safety rules, writes an ALTER migration when the table
 * changes, re-renders and merges every file of the domain, and records the new manifest.
 */
export async function planChange(project: Project, previous: Manifest, target: ChangeTarget, options: PlanChangeOptions): Promise<ChangePlan> {
  const changes = columnChanges(previous.spec, target.spec, target.renames);
  assertSafe(risks(changes), options.allowDataLoss);
  const tree = new Tree(project.root);
  // The two touch different files; together, the formatter's thread never waits for a render.
  const [migration, regenerated] = await Promise.all([
    changes.some(changesSchema) ? planMigration(project, tree, previous, target, changes, options.formatter) : undefined,
    regenerateDomain(project, tree, { previous, spec: target.spec, formatter: options.formatter, conflicts: options.conflicts }),
  ]);
  const manifest = manifestAfter(previous, target.spec, regenerated, migration?.entry);
  tree.modify(manifestPath(domainNames(target.spec.name).fileName), serializeManifest(manifest));
  return { tree, manifest, changes, migration: migration?.entry.path, conflicts: regenerated.conflicts };
}

async function planMigration(project: Project, tree: Tree, previous: Manifest, target: ChangeTarget, changes: ColumnChange[], formatter: Formatter) {
  const names = domainNames(target.spec.name);
  const dir = project.config.migrations;
  const name = await migrationName(project.root, dir, names.tableName, 'alter');
  const view = { ...alterMigrationView(previous.spec, target.spec, changes), domain: names.fileName };
  const [template] = await renderTemplateTree(path.join(templatesRoot, 'alter-migration'), view);
  if (!template) throw new Error('templates/alter-migration holds no template');
  const [file] = await formatter.format(project.root, [{ ...template, path: `${dir}/${name}.ts` }]);
  if (!file) throw new Error('the formatter returned no file');
  tree.create(file.path, file.content);
  for (const core of CORE_FILES) {
    if (!tree.exists(core)) tree.create(core, await readFile(path.join(templatesRoot, 'project', core), 'utf8'));
  }
  return { entry: { path: file.path, sha256: sha256(file.content), template: `alter-migration/${template.template}` } };
}
