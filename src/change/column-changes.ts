import { ExitCode, LayeredError } from '../errors.js';
import { DEFAULT_STRING_MAX, fieldNames, type DomainSpec, type FieldSpec } from '../spec/index.js';

/** A field of the table before and after a change: one side is missing for an add or a drop. */
export interface ColumnChange {
  before?: FieldSpec;
  after?: FieldSpec;
}

/** What a change risks: `loss` needs --allow-data-loss; `refused` is refused whatever the flags. */
export interface Risk {
  level: 'loss' | 'refused';
  field: string;
  message: string;
  hint: string;
}

/** Widening type changes: every value of the old type is a value of the new one. */
const WIDENINGS: ReadonlySet<string> = new Set(['int>bigint', 'int>decimal', 'int>float', 'string>text']);

/**
 * Pairs the fields of two specs: renamed fields by `renames` (new name → old name), the rest by
 * name. Fields in the order of `after`, then the dropped ones.
 */
export function columnChanges(before: DomainSpec, after: DomainSpec, renames: ReadonlyMap<string, string>): ColumnChange[] {
  const matched = new Set<string>();
  const changes: ColumnChange[] = after.fields.map((field) => {
    const was = before.fields.find((old) => old.name === (renames.get(field.name) ?? field.name));
    if (was) matched.add(was.name);
    return was ? { before: was, after: field } : { after: field };
  });
  for (const field of before.fields) if (!matched.has(field.name)) changes.push({ before: field });
  return changes;
}

/** Whether the table's columns differ (not just the API): a rename, a type, a constraint. */
export function changesSchema(change: ColumnChange): boolean {
  const { before, after } = change;
  if (!before || !after) return true;
  return JSON.stringify(normalise(before)) !== JSON.stringify(normalise(after));
}

function normalise(field: FieldSpec): FieldSpec {
  return { ...field, max: field.type === 'string' ? (field.max ?? DEFAULT_STRING_MAX) : undefined } as FieldSpec;
}

/** Every risk of a set of changes, per DESIGN.md section 4's data-safety rules. */
export function risks(changes: readonly ColumnChange[]): Risk[] {
  return changes.flatMap((change) => risksOf(change));
}

function risksOf({ before, after }: ColumnChange): Risk[] {
  if (!after && before) {
    return [loss(before.name, `drop ${before.name} deletes the values of its column.`, `Run again with --allow-data-loss to drop it.`)];
  }
  if (!after) return [];
  if (!before) return addRisks(after);
  const name = after.name;
  const found: Risk[] = [];
  if (before.type === 'ref' || after.type === 'ref') {
    if (before.type !== after.type || before.ref !== after.ref) {
      found.push({
        level: 'refused',
        field: name,
        message: `${name} cannot change ${before.type === 'ref' && after.type === 'ref' ? `its target from ${before.ref} to ${after.ref}` : `from ${typeLabel(before)} to ${typeLabel(after)}`}: its values are ids of another table.`,
        hint: `Add a new field (add ${name}2:${after.type === 'ref' ? `ref=${after.ref}:optional` : after.type}), move the values, then drop ${name}.`,
      });
      return found;
    }
  } else if (before.type !== after.type && !WIDENINGS.has(`${before.type}>${after.type}`)) {
    found.push(loss(name, `${name} changes type from ${before.type} to ${after.type}; values that do not convert are lost or refused by the database.`, 'Run again with --allow-data-loss if every stored value converts.'));
  }
  if (before.type === 'string' && after.type === 'string' && (after.max ?? DEFAULT_STRING_MAX) < (before.max ?? DEFAULT_STRING_MAX)) {
    found.push(loss(name, `${name}'s max shrinks from ${before.max ?? DEFAULT_STRING_MAX} to ${after.max ?? DEFAULT_STRING_MAX}; longer values would be cut or refused.`, 'Run again with --allow-data-loss if no stored value is longer.'));
  }
  const removed = (before.values ?? []).filter((value) => after.type === 'enum' && !(after.values ?? []).includes(value));
  if (before.type === 'enum' && removed.length > 0) {
    found.push(loss(name, `${name} loses the enum value${removed.length > 1 ? 's' : ''} ${removed.join(', ')}; rows holding ${removed.length > 1 ? 'them' : 'it'} would no longer read back.`, 'Update those rows first, then run again with --allow-data-loss.'));
  }
  if (!before.unique && after.unique) {
    found.push(loss(name, `${name} becomes unique; the column may hold duplicates, which would make the migration fail.`, 'Check there are none, then run again with --allow-data-loss.'));
  }
  if (before.optional && !after.optional && after.default === undefined) {
    found.push({
      level: 'refused',
      field: name,
      message: `${name} becomes required without a default; rows holding NULL would have no value.`,
      hint: `Give it a default to back-fill them: alter ${name}:${after.type}${after.type === 'ref' ? '' : ':default=<value>'}${after.type === 'ref' ? ' is only possible once no row holds NULL; keep it optional' : ''}.`,
    });
  }
  return found;
}

function addRisks(field: FieldSpec): Risk[] {
  if (field.type === 'ref' && !field.optional) {
    return [{ level: 'refused', field: field.name, message: `${field.name} is a required ref; existing rows would refer to nothing.`, hint: `Add it optional (add ${field.name}:ref${field.ref === field.name ? '' : `=${field.ref}`}:optional), fill it, then alter it to required.` }];
  }
  if (!field.optional && field.default === undefined) {
    return [{ level: 'refused', field: field.name, message: `${field.name} is required and has no default; existing rows would have no value.`, hint: `Give it a default (add ${field.name}:${field.type}:default=<value>) or make it optional (add ${field.name}:${field.type}:optional).` }];
  }
  if (field.unique && field.default !== undefined && !field.optional) {
    return [{ level: 'refused', field: field.name, message: `${field.name} is unique with a default; every existing row would get the same value.`, hint: `Add it optional and unique (add ${field.name}:${field.type}:optional:unique), fill it, then make it required.` }];
  }
  return [];
}

function loss(field: string, message: string, hint: string): Risk {
  return { level: 'loss', field, message, hint };
}

function typeLabel(field: FieldSpec): string {
  return field.type === 'ref' ? `ref=${field.ref}` : field.type;
}

/**
 * Refuses (exit 2) what section 4 refuses whatever the flags, and what can lose data unless the
 * user said `--allow-data-loss`. Names every risk, not only the first.
 */
export function assertSafe(found: readonly Risk[], allowDataLoss: boolean): void {
  const refused = found.filter((risk) => risk.level === 'refused' || !allowDataLoss);
  if (refused.length === 0) return;
  const [first] = refused;
  const hints = [...new Set(refused.map((risk) => risk.hint))];
  throw new LayeredError(
    first?.level === 'refused' ? 'CHANGE_REFUSED' : 'CHANGE_LOSES_DATA',
    refused.length === 1 ? (first?.message ?? '') : `This change is refused:\n${refused.map((risk) => `  - ${risk.message}`).join('\n')}`,
    { hint: `${hints.join(' ')} Nothing was written.`, exitCode: ExitCode.Conflict },
  );
}

/** The API fields a client sees change (renames and drops), for the run's report. */
export function apiChanges(changes: readonly ColumnChange[]): string[] {
  const property = (field: FieldSpec): string => {
    const names = fieldNames(field.name, { ref: field.type === 'ref' });
    return names.idPropertyName ?? names.propertyName;
  };
  return changes.flatMap(({ before, after }) => {
    if (before && !after) return [`${property(before)} is no longer in requests or responses`];
    if (before && after && before.name !== after.name) return [`${property(before)} is now ${property(after)}`];
    return [];
  });
}
