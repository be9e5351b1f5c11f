import { TemplateDrift } from '../generate/template-drift.js';
import type { Manifest } from '../manifest.js';
import { hasConflictMarkers } from '../merge/three-way.js';
import type { Tree } from '../plan/index.js';
import { finding, type Finding } from './finding.js';

/** Files a `--conflicts markers` merge left markers in, until the user resolves them. */
export function checkConflictMarkers(tree: Tree, manifests: Manifest[]): Finding[] {
  return manifests.flatMap((manifest) =>
    (manifest.conflicts ?? [])
      .filter((file) => hasConflictMarkers(tree.read(file) ?? ''))
      .map((file) =>
        finding(
          'MERGE_CONFLICT_MARKERS',
          `${manifest.spec.name}: ${file} still holds conflict markers from a merge.`,
          'Resolve them (keep what you want between <<<<<<< yours and >>>>>>> layered, delete the markers), then run layered check again.',
          file,
        ),
      ),
  );
}

/** Domains generated from a template (or a CLI version) that has changed since. */
export async function checkTemplateDrift(root: string, manifests: Manifest[]): Promise<Finding[]> {
  const drift = new TemplateDrift(root);
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const stale = await drift.staleTemplates(manifest);
    if (stale.length === 0) continue;
    findings.push(
      finding(
        'TEMPLATES_CHANGED',
        `${manifest.spec.name}: ${stale.length} of its files came from template${stale.length > 1 ? 's' : ''} that changed since (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}).`,
        `Run layered sync ${manifest.spec.name} (--dry-run first shows what changes; your edits are merged, not overwritten).`,
      ),
    );
  }
  return findings;
}
