import path from 'node:path';

import { templatesRoot } from '../package-info.js';
import { Tree } from '../plan/index.js';
import type { Project } from '../project.js';
import { checkDatabase } from './database.js';
import { readManifests } from './domains.js';
import { checkGeneratedFiles } from './files.js';
import { checkConflictMarkers, checkTemplateDrift } from './merges.js';
import type { CheckReport } from './finding.js';
import { checkRegistrations, checkUnknownRegistrations } from './registrations.js';
import { checkOverrides } from './templates.js';
import { checkTypes } from './typecheck.js';

export { findingToJson, type CheckReport, type Finding } from './finding.js';

export interface CheckOptions {
  /** Only the wiring checks (what `--fix` repairs), for the re-check after a fix. */
  wiringOnly?: boolean;
}

/**
 * Everything `layered check` verifies, in order: manifests readable, every domain registered and
 * mounted (and nothing registered without a manifest), generated files and migrations present,
 * no conflict markers left by a merge, overrides matching a template, domains generated from
 * today's templates (else `sync`), then (slower) the database schema and the type-check.
 *
 * @example const { findings, notes } = await runChecks(await findProject(process.cwd()));
 */
export async function runChecks(project: Project, options: CheckOptions = {}): Promise<CheckReport> {
  const { root, config } = project;
  const tree = new Tree(root);
  const { manifests, findings } = await readManifests(root);
  findings.push(...(await checkRegistrations(tree, config, manifests)));
  findings.push(...(await checkUnknownRegistrations(tree, config, manifests)));
  if (options.wiringOnly) return { findings, notes: [] };
  findings.push(...checkGeneratedFiles(tree, manifests));
  findings.push(...checkConflictMarkers(tree, manifests));
  findings.push(...(await checkOverrides(root, path.join(templatesRoot, 'domain'))));
  findings.push(...(await checkTemplateDrift(root, manifests)));
  const notes: string[] = [];
  const [database, types] = await Promise.all([checkDatabase(root, manifests), checkTypes(root)]);
  for (const part of [database, types]) {
    findings.push(...part.findings);
    if (part.note) notes.push(part.note);
  }
  return { findings, notes };
}
