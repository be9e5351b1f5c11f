import { confirm, input } from '@inquirer/prompts';
import pc from 'picocolors';

import { ExitCode, LayeredError } from '../errors.js';
import { validateDomainSpec } from '../spec/index.js';
import { checkDomainName } from '../spec/domain-name.js';
import { unwrap } from '../spec/problem.js';
import { type DomainSpec, type FieldSpecInput, MAX_FIELDS, domainSpecSchema } from '../spec/schema.js';
import { askField, type PromptStreams } from './ask-field.js';
import { specToCommandLine } from './command-line.js';
import { domainNameVerdict } from './field-checks.js';

export { specToCommandLine, specToFieldTokens } from './command-line.js';

export interface PromptForSpecOptions extends PromptStreams {
  /** The domain from the command line; asked for when left out. */
  name?: string | undefined;
  /** Domains the project already has: the targets a ref may pick (besides this one). */
  existingDomains: readonly string[];
}

/**
 * Asks for a domain spec on the terminal (`layered new` with no fields and no --spec): the
 * domain name if missing, then fields one by one, each answer checked as it is typed by the same
 * schema the command line and spec files go through. Shows the equivalent command line and asks
 * to confirm. Call {@link assertCanPrompt} first. Refusing the summary throws `CANCELLED`, Ctrl-C
 * throws `INTERRUPTED`; both exit 130 and nothing has been written.
 *
 * @example const spec = await promptForSpec({ name: 'product', existingDomains: ['category'] })
 */
export async function promptForSpec(options: PromptForSpecOptions): Promise<DomainSpec> {
  const streams: PromptStreams = { input: options.input, output: options.output };
  const fields: FieldSpecInput[] = [];
  let domain: string | undefined;
  try {
    domain = options.name === undefined ? await askDomainName(streams) : unwrap(checkDomainName(options.name));
    const refTargets = [...new Set([domain, ...options.existingDomains.map(canonical)])];
    while (fields.length < MAX_FIELDS) {
      const field = await askField({ domain, earlier: fields, refTargets, streams });
      if (field === undefined) break;
      if (field !== 'retry') fields.push(field);
    }
    const spec = validateDomainSpec({ name: domain, fields });
    const write = (text: string): void => void (streams.output ?? process.stdout).write(text);
    write(`\nThe same without prompts:\n  ${pc.cyan(specToCommandLine(spec))}\n\n`);
    const confirmed = await confirm({ message: `Create ${spec.name} with ${spec.fields.length} field${spec.fields.length === 1 ? '' : 's'}?`, default: true }, streams);
    if (!confirmed) {
      throw new LayeredError('CANCELLED', 'Cancelled: nothing was written.', {
        exitCode: ExitCode.Interrupted,
        hint: 'Run the command shown above, edited as you like, to create the domain without prompts.',
      });
    }
    return spec;
  } catch (error) {
    if (isPromptExit(error)) throw interrupted(domain, fields, error);
    throw error;
  }
}

async function askDomainName(streams: PromptStreams): Promise<string> {
  const answer = await input({ message: 'Domain name (a singular noun, e.g. product)', validate: domainNameVerdict }, streams);
  return unwrap(checkDomainName(answer.trim()));
}

/** inquirer rejects with ExitPromptError on Ctrl-C (or a closed input); @inquirer/core is not our dependency, so match by name. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

function interrupted(domain: string | undefined, fields: readonly FieldSpecInput[], cause: unknown): LayeredError {
  const parsed = domainSpecSchema.safeParse({ name: domain, fields });
  const sofar = parsed.success ? parsed.data : undefined;
  return new LayeredError('INTERRUPTED', 'Interrupted: nothing was written.', {
    exitCode: ExitCode.Interrupted,
    hint: sofar === undefined ? 'Run layered new again, or give the fields as arguments: layered new product name:string price:decimal.' : `The fields given so far, as a command: ${specToCommandLine(sofar)}`,
    cause,
  });
}

/** Compares project domains in the spec's own spelling; a malformed one is kept as it is. */
function canonical(domain: string): string {
  const checked = checkDomainName(domain);
  return checked.ok ? checked.value : domain;
}
