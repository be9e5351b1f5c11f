import type { FieldType } from './field-types.js';
import { type Checked, ok, refuse } from './problem.js';

/** What a field's `default` becomes: numbers for int and float, booleans, strings otherwise. */
export type DefaultValue = string | number | boolean;

const INT_RANGE = { min: -(2n ** 31n), max: 2n ** 31n - 1n }; // MySQL INT
const BIGINT_RANGE = { min: -(2n ** 63n), max: 2n ** 63n - 1n }; // MySQL BIGINT
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

interface DefaultContext {
  type: FieldType;
  values?: readonly string[] | undefined;
  max?: number | undefined;
}

/**
 * Checks a default against its field's type and returns it in its stored form: int and float as
 * numbers, boolean as a boolean, decimal and bigint as exact strings, uuid lower-cased, datetime
 * as UTC ISO with `Z`. Spec files may give numbers and booleans; the grammar gives strings.
 *
 * @example checkDefault('0', { type: 'int' })          // { ok: true, value: 0 }
 * @example checkDefault('now', { type: 'date' })       // { ok: true, value: 'now' }
 * @example checkDefault('maybe', { type: 'boolean' })  // refused: "use true or false"
 */
export function checkDefault(raw: DefaultValue, field: DefaultContext): Checked<DefaultValue> {
  const text = String(raw);
  const shown = JSON.stringify(raw);
  const bad = (expected: string, hint: string): Checked<never> =>
    refuse('SPEC_BAD_DEFAULT', `default ${shown} is not a valid ${field.type}: expected ${expected}.`, hint);
  switch (field.type) {
    case 'string':
    case 'text': {
      if (typeof raw !== 'string') return bad('a string', `Quote it in the spec file: default: "${text}".`);
      const max = field.type === 'string' ? (field.max ?? 255) : Infinity;
      if (raw.length > max) return bad(`at most ${max} characters`, 'Shorten the default or raise max=N.');
      return ok(raw);
    }
    case 'int':
    case 'bigint': {
      if (!/^-?\d+$/.test(text)) return bad('a whole number', 'e.g. default=0');
      const range = field.type === 'int' ? INT_RANGE : BIGINT_RANGE;
      const value = BigInt(text);
      if (value < range.min || value > range.max) return bad(`a number from ${range.min} to ${range.max}`, field.type === 'int' ? 'Use type bigint for larger numbers.' : 'Use type decimal for larger numbers.');
      if (field.type === 'bigint' && typeof raw === 'number' && !Number.isSafeInteger(raw)) {
        return bad('an exact whole number', `Quote it in the spec file (default: "${text}"): a YAML/JSON number this large has already lost digits.`);
      }
      return ok(field.type === 'int' ? Number(value) : value.toString());
    }
    case 'float': {
      const value = typeof raw === 'number' ? raw : /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(value)) return bad('a finite number', 'e.g. default=0.5');
      return ok(value);
    }
    case 'decimal': {
      if (!/^-?\d+(\.\d+)?$/.test(text)) return bad('a decimal number such as 9.99', 'Write digits with an optional . and fraction, no exponent or thousands separator.');
      return ok(text);
    }
    case 'boolean': {
      if (raw === true || raw === 'true') return ok(true);
      if (raw === false || raw === 'false') return ok(false);
      return bad('true or false', 'Use default=true or default=false.');
    }
    case 'date': {
      if (text === 'now') return ok('now');
      if (!isCalendarDate(text)) return bad('YYYY-MM-DD (a real date) or now', 'e.g. default=2024-01-31 or default=now.');
      return ok(text);
    }
    case 'datetime': {
      if (text === 'now') return ok('now');
      if (!DATETIME.test(text) || !isCalendarDate(text.slice(0, 10)) || Number.isNaN(Date.parse(text))) {
        return bad('an ISO 8601 date-time with a zone (…Z or …+02:00) or now', 'e.g. default=2024-01-31T09:30:00Z or default=now.');
      }
      return ok(new Date(text).toISOString());
    }
    case 'uuid': {
      if (!UUID.test(text)) return bad('a UUID such as 123e4567-e89b-12d3-a456-426614174000', 'Write 32 hex digits in 8-4-4-4-12 groups.');
      return ok(text.toLowerCase());
    }
    case 'enum': {
      const values = field.values ?? [];
      if (!values.includes(text)) return bad(`one of its values (${values.join(', ')})`, `Pick one of: ${values.join(', ')}.`);
      return ok(text);
    }
    case 'json':
    case 'ref':
      return refuse('SPEC_MODIFIER_NOT_ALLOWED', `default is not allowed on ${field.type} fields.`, 'Remove the default.');
  }
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
