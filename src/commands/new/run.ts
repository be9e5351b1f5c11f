import { ExitCode, LayeredError } from '../../errors.js';
import { planDomain } from '../../generate/plan-domain.js';
import { readManifest } from '../../manifest.js';
import { findProject, listDomains } from '../../project.js';
import type { Formatter } from '../../render/formatter.js';
import { withAccess } from '../../features/auth/access.js';
import { assertRefsExist, domainNames, parseDomainSpec, type Access, type DomainSpec } from '../../spec/index.js';
import { finishPlan } from '../finish-plan.js';

export interface NewOptions {
  spec?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  tests: boolean;
  access?: Access;
  cwd: string;
}

export async function runNew(domain: string | undefined, tokens: string[], options: NewOptions, formatter: Formatter): Promise<void> {
  const project = await findProject(options.cwd);
  const existing = await listDomains(project.root);
  const spec = withAccess(await readSpec(domain, tokens, options, existing), options.access, project);
  const names = domainNames(spec.name);
  assertRefsExist(spec, [...existing, names.fileName]);

  const previous = await readManifest(project.root, names.fileName);
  if (previous && !options.force) {
    throw new LayeredError('DOMAIN_EXISTS', `The project already has a domain "${names.fileName}".`, {
      hint: `Change it with \`layered change ${names.fileName} add|drop|rename|alter ...\` (or run again with --force, which merges the new spec like change --spec), or \`layered destroy ${names.fileName}\` first.`,
      exitCode: ExitCode.Conflict,
    });
  }
  if (previous) {
    // Regenerating an existing domain is a change to its spec: an ALTER migration, and its files
    // merged with the user's edits, never overwritten.
    const { applyChange } = await import('../change/run.js');
    await applyChange(project, previous, { spec, renames: new Map() }, { ...options, conflicts: 'refuse' }, formatter).catch((error: unknown) => {
      if (error instanceof LayeredError && error.code === 'CHANGE_LOSES_DATA') {
        throw new LayeredError(error.code, error.message, { hint: `Use layered change ${names.fileName} (with --allow-data-loss) to make this change.`, exitCode: error.exitCode });
      }
      throw error;
    });
    return;
  }

  const { tree } = await planDomain(project, spec, { force: Boolean(options.force), tests: options.tests, formatter });
  const summary = await finishPlan(tree, options);
  if (summary && !options.json) {
    process.stdout.write(`\nAdded ${names.fileName}. Next: npm run migrate, then npm test (its routes are under /api/v1/${names.pluralKebab}).\n`);
  }
}

async function readSpec(domain: string | undefined, tokens: string[], options: NewOptions, existing: string[]): Promise<DomainSpec> {
  if (tokens.length > 0 || options.spec !== undefined) {
    return parseDomainSpec({ name: domain, tokens, specFile: options.spec });
  }
  const { assertCanPrompt, promptForSpec, stdioIsTTY } = await import('../../prompts/index.js');
  assertCanPrompt({ json: Boolean(options.json), isTTY: stdioIsTTY(), name: domain });
  return promptForSpec({ name: domain, existingDomains: existing });
}
