import path from 'node:path';

import { templatesRoot } from '../../package-info.js';
import { overrideRoot } from '../../render/overrides.js';
import { listTemplates } from '../../render/template-tree.js';

export const BUILT_IN_DOMAIN_TEMPLATES = path.join(templatesRoot, 'domain');

/** The built-in domain templates, and which of them the project overrides. */
export interface TemplateCatalog {
  builtIns: string[];
  overridden: Set<string>;
  /** Files under `.layered/templates/` that match no built-in template (so they change nothing). */
  unknown: string[];
}

export async function templateCatalog(projectRoot: string): Promise<TemplateCatalog> {
  const builtIns = await listTemplates(BUILT_IN_DOMAIN_TEMPLATES);
  const root = await overrideRoot(projectRoot);
  const overrides = root === undefined ? [] : await listTemplates(root);
  const known = new Set(builtIns);
  return {
    builtIns,
    overridden: new Set(overrides.filter((file) => known.has(file))),
    unknown: overrides.filter((file) => !known.has(file)),
  };
}
