import { isDeepStrictEqual } from 'node:util';

import { applyOperations, parseOperations, targetFromSpecData, type ChangeTarget } from '../../change/operations.js';
import { apiChanges } from '../../change/column-changes.js';
import { planChange } from '../../change/plan-change.js';
import { ExitCode, LayeredError } from '../../errors.js';
import { requireManifest, type Manifest } from '../../manifest.js';
import { findProject, listDomains, type Project } from '../../project.js';
import type { Formatter } from '../../render/formatter.js';
import { assertRefsExist, domainNames, validateDomainSpec, withDomainName } from '../../spec/index.js';
import { finishPlan } from '../finish-plan.js';
import { mergeConflictError } from './merge-conflicts.js';

export interface ChangeOptions {
  spec?: string;
  dryRun?: boolean;
  json?: boolean;
  allowDataLoss?: boolean;
  conflicts: 'refuse' | 'markers';
  cwd: string;
}

export async function runChange(domain: string, args: string[], options: ChangeOptions, formatter: Formatter): Promise<void> {
  const project = await findProject(options.cwd);
  const names = domainNames(domain);
  const previous = await requireManifest(project.root, names.fileName);
  const target = await readTarget(args, options, previous);
  assertRefsExist(target.spec, await listDomains(project.root));
  await applyChange(project, previous, target, options, formatter);
}

/**
 * Plans and applies a change from `previous` to `target` (`layered change`, and `new --force` on
 * a domain that exists). Prints what clients see change.
 */
export async function applyChange(project: Project, previous: Manifest, target: ChangeTarget, options: Omit<ChangeOptions, 'cwd' | 'spec'>, formatter: Formatter): Promise<void> {
  if (isDeepStrictEqual(previous.spec, target.spec) && target.renames.size === 0) {
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: true, created: [], modified: [], removed: [], errors: [] })}\n`);
    else process.stdout.write(`No change: ${previous.spec.name} already has this spec.\n`);
    return;
  }
  const plan = await planChange(project, previous, target, {
    formatter,
    conflicts: options.conflicts,
    allowDataLoss: Boolean(options.allowDataLoss),
  });
  const refusal = options.conflicts === 'refuse' && plan.conflicts.length > 0 ? mergeConflictError(plan.conflicts) : undefined;
  const summary = await finishPlan(plan.tree, options, refusal);
  if (!summary || options.json) return;
  const api = apiChanges(plan.changes);
  if (api.length > 0) process.stdout.write(`\nThe API changes for clients: ${api.join('; ')}.\n`);
  if (plan.conflicts.length > 0) {
    process.stdout.write(`\nConflict markers were written in ${plan.conflicts.map((c) => c.path).join(', ')}: resolve them, then run layered check.\n`);
    process.exitCode = ExitCode.Conflict;
  }
  if (plan.migration) process.stdout.write(`\nChanged ${previous.spec.name}. Next: npm run migrate (${plan.migration}), then npm test.\n`);
}

async function readTarget(args: string[], options: ChangeOptions, previous: Manifest): Promise<ChangeTarget> {
  if (options.spec !== undefined) {
    if (args.length > 0) {
      throw new LayeredError('CHANGE_SPEC_AND_ACTIONS', 'Both actions and --spec were given.', { hint: 'Give the whole desired spec with --spec, or the actions, not both.' });
    }
    const { readSpecFile } = await import('../../spec/spec-file.js');
    const loaded = await readSpecFile(options.spec);
    const data = withDomainName(loaded.data, previous.spec.name, loaded.file);
    return targetFromSpecData(data, previous.spec, (input) => validateDomainSpec(input, { file: loaded.file, lineOf: loaded.lineOf }));
  }
  if (args.length === 0) {
    throw new LayeredError('CHANGE_NOTHING', 'No change given.', {
      hint: `Say what changes: layered change ${previous.spec.name} add stock:int:default=0 (or rename a=b, alter <field>, drop <field>, --spec file).`,
    });
  }
  return applyOperations(previous.spec, parseOperations(args));
}
