import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { LayeredError } from '../../errors.js';
import { Tree } from '../../plan/index.js';
import { findProject } from '../../project.js';
import { OVERRIDES_DIR } from '../../render/overrides.js';
import { finishPlan } from '../finish-plan.js';
import { BUILT_IN_DOMAIN_TEMPLATES, templateCatalog } from './catalog.js';

export interface EjectOptions {
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  cwd: string;
}

/** Copies built-in domain templates to `.layered/templates/`; an existing override is a conflict unless forced. */
export async function runEject(paths: string[], options: EjectOptions): Promise<void> {
  const { root } = await findProject(options.cwd);
  const { builtIns } = await templateCatalog(root);
  const chosen = paths.length === 0 ? builtIns : selectTemplates(builtIns, paths);
  const tree = new Tree(root, { overwrite: options.force ? 'overwrite' : 'conflict' });
  for (const template of chosen) {
    tree.create(`${OVERRIDES_DIR}/${template}`, await readFile(path.join(BUILT_IN_DOMAIN_TEMPLATES, template), 'utf8'));
  }
  const summary = await finishPlan(tree, options);
  if (summary && !options.json && summary.created.length + summary.modified.length === 0) {
    process.stdout.write('The overrides already match the built-in templates.\n');
  }
}

/** Each argument is a template path (with or without `.hbs`) or a folder of templates. */
export function selectTemplates(builtIns: string[], paths: string[]): string[] {
  const chosen = new Set<string>();
  for (const given of paths) {
    const wanted = given.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const matches = builtIns.filter((file) => file === wanted || file === `${wanted}.hbs` || file.startsWith(`${wanted}/`));
    if (matches.length === 0) {
      throw new LayeredError('TEMPLATE_UNKNOWN', `There is no domain template "${given}".`, {
        hint: 'Run `layered templates list` to see every template path (quote paths holding {{ }} in the shell).',
      });
    }
    for (const match of matches) chosen.add(match);
  }
  return [...chosen].sort();
}
