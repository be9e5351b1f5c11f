import { ExitCode, LayeredError } from '../../errors.js';
import { manifestAfter, regenerateDomain, type ConflictMode, type FileConflict } from '../../generate/regenerate-domain.js';
import { TemplateDrift } from '../../generate/template-drift.js';
import { manifestPath, readManifest, serializeManifest, type Manifest } from '../../manifest.js';
import { Tree } from '../../plan/index.js';
import { findProject, listDomains } from '../../project.js';
import type { Formatter } from '../../render/formatter.js';
import { domainNames } from '../../spec/index.js';
import { mergeConflictError } from '../change/merge-conflicts.js';
import { finishPlan } from '../finish-plan.js';

export interface SyncOptions {
  dryRun?: boolean;
  json?: boolean;
  conflicts: ConflictMode;
  cwd: string;
}

export async function runSync(requested: string[], options: SyncOptions, formatter: Formatter): Promise<void> {
  const project = await findProject(options.cwd);
  const existing = await listDomains(project.root);
  const domains = requested.length > 0 ? requested.map((name) => domainNames(name).fileName) : existing;
  const unknown = domains.filter((name) => !existing.includes(name));
  if (unknown.length > 0) {
    throw new LayeredError('DOMAIN_NOT_FOUND', `The project has no domain ${unknown.map((name) => `"${name}"`).join(', ')}.`, {
      hint: existing.length > 0 ? `Its domains are: ${existing.join(', ')}.` : 'It has no domains yet.',
    });
  }

  const tree = new Tree(project.root);
  const drift = new TemplateDrift(project.root);
  const conflicts: FileConflict[] = [];
  const synced: string[] = [];
  const stale: Array<{ name: string; manifest: Manifest }> = [];
  for (const name of domains) {
    const manifest = await readManifest(project.root, name);
    if (manifest && (await drift.staleTemplates(manifest)).length > 0) stale.push({ name, manifest });
  }
  // One domain after another, but their formatting on the formatter's thread.
  const results = await Promise.all(
    stale.map(({ manifest }) => regenerateDomain(project, tree, { previous: manifest, spec: manifest.spec, formatter, conflicts: options.conflicts })),
  );
  stale.forEach(({ name, manifest }, i) => {
    const result = results[i];
    if (!result) return;
    conflicts.push(...result.conflicts);
    tree.modify(manifestPath(name), serializeManifest(manifestAfter(manifest, manifest.spec, result)));
    synced.push(name);
  });

  if (stale.length === 0) {
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: true, created: [], modified: [], removed: [], errors: [] })}\n`);
    else process.stdout.write(`Nothing to sync: ${domains.length === 1 ? `${domains[0]} was` : `all ${domains.length} domains were`} generated from today's templates.\n`);
    return;
  }
  const refusal = options.conflicts === 'refuse' && conflicts.length > 0 ? mergeConflictError(conflicts) : undefined;
  const summary = await finishPlan(tree, options, refusal);
  if (!summary || options.json) return;
  process.stdout.write(`\nSynced ${synced.join(', ')} with today's templates.\n`);
  if (conflicts.length > 0) {
    process.stdout.write(`Conflict markers were written in ${conflicts.map((c) => c.path).join(', ')}: resolve them, then run layered check.\n`);
    process.exitCode = ExitCode.Conflict;
  }
}
