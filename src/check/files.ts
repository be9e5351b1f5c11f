import type { Manifest } from '../manifest.js';
import type { Tree } from '../plan/index.js';
import { specToCommandLine } from '../prompts/command-line.js';
import { finding, type Finding } from './finding.js';

/** Every file a manifest lists must still be there; the migration is reported on its own. */
export function checkGeneratedFiles(tree: Tree, manifests: Manifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const regenerate = `${specToCommandLine(manifest.spec)} --force`;
    for (const file of manifest.files) {
      if (file.path === manifest.migration || tree.exists(file.path)) continue;
      findings.push(
        finding(
          'GENERATED_FILE_MISSING',
          `${manifest.spec.name}: ${file.path} is missing.`,
          `Restore it from version control, or regenerate the domain: ${regenerate}`,
          file.path,
        ),
      );
    }
    if (!tree.exists(manifest.migration)) {
      findings.push(
        finding(
          'MIGRATION_MISSING',
          `${manifest.spec.name}: its migration ${manifest.migration} is missing, so its table is never created.`,
          `Restore it from version control, or regenerate the domain (the migration keeps its name): ${regenerate}`,
          manifest.migration,
        ),
      );
    }
  }
  return findings;
}
