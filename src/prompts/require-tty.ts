import { LayeredError } from '../errors.js';
import { checkDomainName } from '../spec/domain-name.js';

export interface PromptAbility {
  /** `--json` was given: output is one JSON object, so nothing may be asked. */
  json: boolean;
  /** Both stdin and stdout are terminals (see {@link stdioIsTTY}). */
  isTTY: boolean;
  /** The domain from the command line, to make the example the user's own. */
  name?: string | undefined;
}

/**
 * Refuses (exit 1, `FIELDS_REQUIRED`) to prompt when nobody can answer: no terminal, or `--json`
 * (prompts and JSON output do not mix). Every prompt has a flag, and the hint shows it.
 *
 * @example assertCanPrompt({ json: options.json, isTTY: stdioIsTTY() })
 */
export function assertCanPrompt(ability: PromptAbility): void {
  if (!ability.json && ability.isTTY) return;
  const reason = ability.json ? '--json never prompts' : 'there is no terminal to ask for them';
  throw new LayeredError('FIELDS_REQUIRED', `No fields given, and ${reason}.`, { hint: fieldsHint(ability.name) });
}

/** Prompts need a terminal on both ends: answers come from stdin and the questions go to stdout. */
export function stdioIsTTY(stdin: { isTTY?: boolean } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdin.isTTY === true && stdout.isTTY === true;
}

function fieldsHint(given: string | undefined): string {
  const checked = given === undefined ? undefined : checkDomainName(given);
  const name = checked?.ok === true ? checked.value : 'product';
  return (
    `Give the fields as arguments, name:type[:modifier...], e.g. layered new ${name} name:string price:decimal stock:int:default=0; ` +
    `or a spec file: layered new --spec ${name}.yaml.`
  );
}
