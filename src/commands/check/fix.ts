import { runChecks } from '../../check/index.js';
import { editRegistrations } from '../../generate/register-domain.js';
import { applyChanges, conflictError, Tree, type ApplySummary } from '../../plan/index.js';
import type { Project } from '../../project.js';
import { domainNames } from '../../spec/index.js';

/**
 * Repairs the one thing that is safe to repair: a domain with a manifest that is missing from
 * the server container or the bootstrap. The edits go through the plan (idempotent
 * registration, all-or-nothing apply), exactly as `layered new` makes them.
 */
export async function fixRegistrations(project: Project): Promise<ApplySummary> {
  const { findings } = await runChecks(project, { wiringOnly: true });
  const domains = [...new Set(findings.flatMap((finding) => (finding.fixable ? [finding.fixable.domain] : [])))];
  const tree = new Tree(project.root);
  for (const domain of domains) await editRegistrations('add', tree, project.config, domainNames(domain));
  if (tree.conflicts().length > 0) throw conflictError(tree.conflicts());
  const changes = tree.changes();
  if (changes.length === 0) return { created: [], modified: [], removed: [] };
  return applyChanges(tree.root, changes);
}
