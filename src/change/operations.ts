import { ExitCode, LayeredError } from '../errors.js';
import { checkFieldName, parseFieldToken, validateDomainSpec, type DomainSpec, type FieldSpecInput } from '../spec/index.js';

/** One step of `layered change <domain> <action operand> ...`. */
export type ChangeOperation =
  | { action: 'add'; field: FieldSpecInput; token: string }
  | { action: 'drop'; name: string }
  | { action: 'rename'; from: string; to: string }
  | { action: 'alter'; field: FieldSpecInput; token: string };

export const ACTIONS = ['add', 'drop', 'rename', 'alter'] as const;

/** The desired spec, and which of its fields were renamed from which (new name → old name). */
export interface ChangeTarget {
  spec: DomainSpec;
  renames: Map<string, string>;
}

/**
 * Reads `add <token> drop <name> rename <old>=<new> alter <token>` pairs. Every action takes
 * exactly one operand, so a missing one or an unknown action is named with its position.
 *
 * @example parseOperations(['add', 'stock:int:default=0', 'rename', 'title=name'])
 */
export function parseOperations(args: readonly string[]): ChangeOperation[] {
  const operations: ChangeOperation[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const action = args[i] ?? '';
    const operand = args[i + 1];
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new LayeredError('CHANGE_UNKNOWN_ACTION', `"${action}" is not a change action.`, {
        hint: `Each change is an action and its operand: add <field>, drop <field>, rename <old>=<new>, alter <field> (e.g. layered change product add stock:int:default=0).`,
      });
    }
    if (operand === undefined || operand === '') {
      throw new LayeredError('CHANGE_MISSING_OPERAND', `"${action}" needs an operand.`, { hint: operandHint(action) });
    }
    operations.push(parseOperation(action as ChangeOperation['action'], operand));
  }
  return operations;
}

function parseOperation(action: ChangeOperation['action'], operand: string): ChangeOperation {
  if (action === 'add' || action === 'alter') return { action, field: parseFieldToken(operand), token: operand };
  if (action === 'drop') return { action, name: fieldName(operand) };
  const [from, to, ...rest] = operand.split('=');
  if (from === undefined || to === undefined || rest.length > 0 || from === '' || to === '') {
    throw new LayeredError('CHANGE_BAD_RENAME', `rename ${operand}: expected <old>=<new>.`, { hint: operandHint('rename') });
  }
  return { action, from: fieldName(from), to: fieldName(to) };
}

function fieldName(text: string): string {
  const checked = checkFieldName(text);
  if (checked.ok) return checked.value;
  throw new LayeredError(checked.problem.code, checked.problem.message, { hint: checked.problem.hint });
}

function operandHint(action: string): string {
  const examples: Record<string, string> = {
    add: 'add stock:int:default=0 (the same grammar as layered new)',
    drop: 'drop description',
    rename: 'rename title=name',
    alter: 'alter price:decimal:optional (the field\'s whole new definition)',
  };
  return `Write it as: layered change <domain> ${examples[action] ?? 'add <field>'}.`;
}

/**
 * Applies the operations, in order, to the domain's current spec. Names are checked against the
 * spec as each step leaves it, so `rename a=b drop b` works and `drop a rename a=b` does not.
 * The result is validated by the same schema as `layered new`.
 */
export function applyOperations(before: DomainSpec, operations: readonly ChangeOperation[]): ChangeTarget {
  let fields: FieldSpecInput[] = before.fields.map((field) => ({ ...field }));
  // Maps a current field name to the name it had in `before` (absent for added fields).
  const origin = new Map(before.fields.map((field) => [field.name, field.name]));
  const has = (name: string): boolean => fields.some((field) => normalisedName(field) === name);
  const mustHave = (name: string, action: string): void => {
    if (has(name)) return;
    throw new LayeredError('CHANGE_UNKNOWN_FIELD', `${action}: ${before.name} has no field "${name}".`, {
      hint: `Its fields are: ${fields.map(normalisedName).join(', ')}.`,
      exitCode: ExitCode.BadInput,
    });
  };
  for (const operation of operations) {
    if (operation.action === 'add') {
      const name = normalisedName(operation.field);
      if (has(name)) {
        throw new LayeredError('CHANGE_FIELD_EXISTS', `add ${operation.token}: ${before.name} already has a field "${name}".`, {
          hint: `Use alter ${operation.token} to change its definition.`,
        });
      }
      fields.push(operation.field);
      origin.delete(name);
    } else if (operation.action === 'drop') {
      mustHave(operation.name, `drop ${operation.name}`);
      fields = fields.filter((field) => normalisedName(field) !== operation.name);
      origin.delete(operation.name);
    } else if (operation.action === 'rename') {
      mustHave(operation.from, `rename ${operation.from}=${operation.to}`);
      if (has(operation.to)) {
        throw new LayeredError('CHANGE_RENAME_ONTO_EXISTING', `rename ${operation.from}=${operation.to}: ${before.name} already has a field "${operation.to}".`, {
          hint: `Pick another name, or drop ${operation.to} first (drop ${operation.to} rename ${operation.from}=${operation.to}).`,
        });
      }
      fields = fields.map((field) => (normalisedName(field) === operation.from ? { ...field, name: operation.to } : field));
      const was = origin.get(operation.from);
      origin.delete(operation.from);
      if (was !== undefined) origin.set(operation.to, was);
    } else {
      const name = normalisedName(operation.field);
      mustHave(name, `alter ${operation.token}`);
      fields = fields.map((field) => (normalisedName(field) === name ? operation.field : field));
    }
  }
  const spec = validateDomainSpec({ name: before.name, fields });
  const renames = new Map([...origin].filter(([now, was]) => now !== was));
  return { spec, renames };
}

/**
 * `--spec file` gives the whole desired spec; a field may say `renamedFrom: <old>`. That key is
 * taken out before the spec is validated like any other.
 */
export function targetFromSpecData(data: unknown, before: DomainSpec, validate: (input: unknown) => DomainSpec): ChangeTarget {
  const renames = new Map<string, string>();
  let input = data;
  if (isRecord(data) && Array.isArray(data['fields'])) {
    const fields = data['fields'].map((field: unknown) => {
      if (!isRecord(field) || field['renamedFrom'] === undefined) return field;
      const { renamedFrom, ...rest } = field;
      if (typeof renamedFrom !== 'string' || typeof rest['name'] !== 'string') return rest;
      const from = fieldName(renamedFrom);
      if (!before.fields.some((f) => f.name === from)) {
        throw new LayeredError('CHANGE_UNKNOWN_FIELD', `renamedFrom: ${before.name} has no field "${from}".`, {
          hint: `Its fields are: ${before.fields.map((f) => f.name).join(', ')}.`,
        });
      }
      renames.set(fieldName(rest['name']), from);
      return rest;
    });
    input = { ...data, fields };
  }
  return { spec: validate(input), renames };
}

function normalisedName(field: FieldSpecInput): string {
  const checked = checkFieldName(field.name);
  return checked.ok ? checked.value : field.name;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
