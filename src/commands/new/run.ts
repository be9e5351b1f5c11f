import { ExitCode, LayeredError } from '../../errors.js';
import { planDomain } from '../../generate/plan-domain.js';
import { readManifest } from '../../manifest.js';
import { findProject, listDomains } from '../../project.js';
import type { Formatter } from '../../render/formatter.js';
import { assertRefsExist, domainNames, parseDomainSpec, type DomainSpec } from '../../spec/index.js';
import { finishPlan } from '../finish-plan.js';

export interface NewOptions {
  spec?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  tests: boolean;
  cwd: string;
}

export async function runNew(domain: string | undefined, tokens: string[], options: NewOptions, formatter: Formatter): Promise<void> {
  const project = await findProject(options.cwd);
  const existing = await listDomains(project.root);
  const spec = await readSpec(domain, tokens, options, existing);
  const names = domainNames(spec.name);
  assertRefsExist(spec, [...existing, names.fileName]);

  const previous = await readManifest(project.root, names.fileName);
  if (previous && !options.force) {
    throw new LayeredError('DOMAIN_EXISTS', `The project already has a domain "${names.fileName}".`, {
      hint: `Run again with --force to regenerate its files, or \`layered destroy ${names.fileName}\` first.`,
      exitCode: ExitCode.Conflict,
    });
  }

  const { tree } = await planDomain(project, spec, { force: Boolean(options.force), tests: options.tests, previous, formatter });
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
