import { listTemplates } from '../render/template-tree.js';
import { OVERRIDES_DIR, overrideRoot } from '../render/overrides.js';
import { finding, type Finding } from './finding.js';

/** An override at a path no built-in template has changes nothing: usually a typo or a renamed template. */
export async function checkOverrides(root: string, builtInRoot: string): Promise<Finding[]> {
  const overrides = await overrideRoot(root);
  if (overrides === undefined) return [];
  const builtIns = new Set(await listTemplates(builtInRoot));
  return (await listTemplates(overrides))
    .filter((file) => !builtIns.has(file))
    .map((file) =>
      finding(
        'TEMPLATE_OVERRIDE_UNKNOWN',
        `${OVERRIDES_DIR}/${file} overrides no built-in template, so it changes nothing.`,
        'Rename it to a path `layered templates list` shows, or delete it.',
        `${OVERRIDES_DIR}/${file}`,
      ),
    );
}
