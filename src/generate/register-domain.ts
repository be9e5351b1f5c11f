import type { Tree } from '../plan/index.js';
import type { ProjectConfig } from '../project.js';
import { addRegistration, hostFileMissing, removeRegistration, type HostKind } from '../register/index.js';
import type { DomainNames } from '../spec/index.js';

export interface RegistrationResult {
  file: string;
  kind: HostKind;
  /** False when the host file already held the registration. */
  changed: boolean;
  notes: string[];
}

/** Adds (or removes) the domain's import and call in both host files, in the tree. */
export async function editRegistrations(
  action: 'add' | 'remove',
  tree: Tree,
  config: ProjectConfig,
  names: DomainNames,
): Promise<RegistrationResult[]> {
  const hosts: Array<[HostKind, string]> = [
    ['container', config.serverContainer],
    ['bootstrap', config.bootstrap],
  ];
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
