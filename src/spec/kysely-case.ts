/**
 * Kysely's CamelCasePlugin conversions with its default options, reproduced exactly (kysely
 * 0.28 `src/plugin/camel-case/camel-case.ts`) so the CLI can tell, without depending on kysely,
 * which column a property becomes in a generated project and whether it reads back unchanged.
 * change-case does not do this: it splits digits off as words (`item_2` → `item_2`, not `item2`).
 *
 * snake: lowercases the first character; before every other upper-case letter inserts `_`,
 * unless the previous character is upper-case too (`userID` → `user_id`); digits are kept as
 * they are (`line1` → `line1`, `address2Line` → `address2_line`).
 * camel: drops every `_` and upper-cases the character after it (`line_1` → `line1`).
 */

/**
 * Column name Kysely's CamelCasePlugin sends to the database for a property.
 *
 * @example kyselySnakeCase('userID') // 'user_id'
 */
export function kyselySnakeCase(str: string): string {
  if (str.length === 0) return str;
  const upper = str.toUpperCase();
  const lower = str.toLowerCase();
  let out = lower[0] ?? '';
  for (let i = 1; i < str.length; i++) {
    const char = str[i] ?? '';
    const prev = str[i - 1] ?? '';
    const isUpper = char === upper[i] && upper[i] !== lower[i];
    const prevIsUpper = prev === upper[i - 1] && upper[i - 1] !== lower[i - 1];
    if (isUpper) out += prevIsUpper ? lower[i] : `_${lower[i]}`;
    else out += char;
  }
  return out;
}

/**
 * Property name Kysely's CamelCasePlugin gives to a database column.
 *
 * @example kyselyCamelCase('user_id') // 'userId'
 */
export function kyselyCamelCase(str: string): string {
  if (str.length === 0) return str;
  let out = str[0] ?? '';
  for (let i = 1; i < str.length; i++) {
    const char = str[i] ?? '';
    if (char === '_') continue;
    out += str[i - 1] === '_' ? char.toUpperCase() : char;
  }
  return out;
}
