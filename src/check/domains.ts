import { readManifest, type Manifest } from '../manifest.js';
import { listDomains } from '../project.js';
import { findingFromError, type Finding } from './finding.js';

/** Every domain's manifest; a damaged manifest is a finding, not a crash. */
export async function readManifests(root: string): Promise<{ manifests: Manifest[]; findings: Finding[] }> {
  const manifests: Manifest[] = [];
  const findings: Finding[] = [];
  for (const name of await listDomains(root)) {
    try {
      const manifest = await readManifest(root, name);
      if (manifest) manifests.push(manifest);
    } catch (error) {
      findings.push(findingFromError(error));
    }
  }
  return { manifests, findings };
}
