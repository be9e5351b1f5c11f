import pc from 'picocolors';

import { findProject } from '../../project.js';
import { OVERRIDES_DIR } from '../../render/overrides.js';
import { templateCatalog } from './catalog.js';

export interface TemplatesListOptions {
  json?: boolean;
  cwd: string;
}

export async function runTemplatesList(options: TemplatesListOptions): Promise<void> {
  const { root } = await findProject(options.cwd);
  const { builtIns, overridden, unknown } = await templateCatalog(root);
  if (options.json) {
    const templates = builtIns.map((file) => ({ path: file, overridden: overridden.has(file) }));
    process.stdout.write(`${JSON.stringify({ templates, unknownOverrides: unknown.map((file) => `${OVERRIDES_DIR}/${file}`) })}\n`);
    return;
  }
  const lines = builtIns.map((file) => (overridden.has(file) ? `${pc.yellow('override')} ${file}` : `${pc.dim('built-in')} ${file}`));
  for (const file of unknown) lines.push(`${pc.red('unknown ')} ${OVERRIDES_DIR}/${file} (no built-in template has this path; it changes nothing)`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (overridden.size === 0) process.stdout.write(`\nNo overrides yet. Copy one out to edit: layered templates eject <path>\n`);
}
