import type { Manifest } from '../manifest.js';
import type { Tree } from '../plan/index.js';
import { basePath } from '../generate/base-store.js';
import { finding, type Finding } from './finding.js';

/** Every file a manifest lists must still be there; migrations are reported on their own. */
export function checkGeneratedFiles(tree: Tree, manifests: Manifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    for (const file of manifest.files) {
      if (manifest.migrations.includes(file.path) || tree.exists(file.path)) continue;
      findings.push(
        finding(
          'GENERATED_FILE_MISSING',
          `${manifest.spec.name}: ${file.path} is missing.`,
          tree.exists(basePath(file.path))
            ? `Restore it from version control (its last generated version is ${basePath(file.path)}).`
            : 'Restore it from version control.',
          file.path,
        ),
      );
    }
    for (const migration of manifest.migrations.filter((file) => !tree.exists(file))) {
      findings.push(
        finding(
          'MIGRATION_MISSING',
          `${manifest.spec.name}: its migration ${migration} is missing, so ${migration === manifest.migrations[0] ? 'its table is never created' : 'its table never gets that change'}.`,
          'Restore it from version control.',
          migration,
        ),
      );
    }
  }
  return findings;
}
