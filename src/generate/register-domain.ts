import type { Tree } from '../plan/index.js';
import { hasFeature, type ProjectConfig } from '../project.js';
import { addRegistration, HOSTS, hostFileMissing, removeRegistration, type HostKind } from '../register/index.js';
import type { DomainNames } from '../spec/index.js';

export interface RegistrationResult {
  file: string;
  kind: HostKind;
  /** False when the host file already held the registration. */
  changed: boolean;
  notes: string[];
}

/** The host files a domain is registered in: the consumers file too once jobs are on. */
export function hostFiles(config: ProjectConfig): Array<[HostKind, string]> {
  return [
    ['container', config.serverContainer],
    ['bootstrap', config.bootstrap],
    ...(hasFeature(config, 'jobs') ? [['consumers', HOSTS.consumers.defaultPath] as [HostKind, string]] : []),
  ];
}

/** Adds (or removes) the domain's import and call in every host file, in the tree. */
export async function editRegistrations(
  action: 'add' | 'remove',
  tree: Tree,
  config: ProjectConfig,
  names: DomainNames,
): Promise<RegistrationResult[]> {
  const hosts = hostFiles(config);
  const edit = action === 'add' ? addRegistration : removeRegistration;
  const results: RegistrationResult[] = [];
  for (const [kind, file] of hosts) {
    const text = tree.read(file);
    if (text === null) throw hostFileMissing(kind, file, names);
    const result = await edit(kind, text, file, names);
    if (result.changed) tree.modify(file, result.text);
    results.push({ file, kind, changed: result.changed, notes: result.notes });
  }
  return results;
}
