import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { removeTempDirs } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';
import { runSql, type Row } from './support/rows.js';

afterAll(removeTempDirs);

type Project = Awaited<ReturnType<typeof freshProject>>;

/** The test's model of one column: its spec token and the value each of the three rows holds. */
interface Column {
  name: string;
  token: (name: string) => string;
  optional: boolean;
  values: Array<string | null>;
  kind: 'int' | 'bigint' | 'string' | 'text';
}

type Step =
  | { action: 'add'; name: string; withDefault: boolean }
  | { action: 'rename'; index: number; to: string }
  | { action: 'drop'; index: number }
  | { action: 'require'; index: number }
  | { action: 'widen'; index: number };

const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ action: fc.constant('add' as const), name: fc.constantFrom(...NAMES), withDefault: fc.boolean() }),
  fc.record({ action: fc.constant('rename' as const), index: fc.nat(), to: fc.constantFrom(...NAMES) }),
  fc.record({ action: fc.constant('drop' as const), index: fc.nat() }),
  fc.record({ action: fc.constant('require' as const), index: fc.nat() }),
  fc.record({ action: fc.constant('widen' as const), index: fc.nat() }),
);

/**
 * Random sequences of changes on a table with rows (SQLite). After each step: the project
 * type-checks, the rows hold exactly what the data-safety rules say they keep, and
 * `migrate:down` then `migrate` gives the same rows back.
 */
describe('random sequences of layered change keep the data the rules keep', () => {
  let project: Project;
  let url: string;
  let clock = Date.parse('2026-02-01T00:00:00Z');

  beforeAll(async () => {
    project = await freshProject();
  });

  it('holds for every sequence', async () => {
    let run = 0;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 3 }), async (steps) => {
        run += 1;
        const table = `thing${run}`;
        url = `sqlite:${project.dir}/property.db`;
        const columns: Column[] = [
          { name: 'label', token: (n) => `${n}:string:max=40`, optional: false, values: ['a', 'b', 'c'], kind: 'string' },
          { name: 'count', token: (n) => `${n}:int:optional`, optional: true, values: ['1', null, '3'], kind: 'int' },
        ];
        const created = await project.cli(['new', table, ...columns.map((c) => c.token(c.name))], { LAYERED_NOW: next() });
        expect(created.exitCode, created.stderr).toBe(0);
        await migrate('migrate');
        for (const i of [0, 1, 2]) {
          await sql(`insert into ${table} (label, count, created_at, updated_at) values ('${columns[0]?.values[i]}', ${columns[1]?.values[i] ?? 'NULL'}, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')`);
        }
        for (const s of steps) {
          const args = apply(s, columns);
          if (!args) continue;
          applied += 1;
          const before = await rows(table);
          const result = await project.cli(['change', table, ...args, '--allow-data-loss'], { LAYERED_NOW: next() });
          expect(result.exitCode, `${args.join(' ')}: ${result.stderr}`).toBe(0);
          const typecheck = await project.npm(['run', 'typecheck']);
          expect(typecheck.exitCode, typecheck.all).toBe(0);
          await migrate('migrate');
          expect(await rows(table)).toEqual(expected(columns));
          await migrate('migrate:down');
          // A dropped column comes back on rollback, but its values are gone.
          const lost = s.action === 'drop' ? snake(args[1] ?? '') : undefined;
          // A back-fill is not undone: `down` cannot know which rows held NULL.
          const restored = s.action === 'require' ? expected(columns) : before;
          expect(keptOf(await rows(table), before, lost)).toEqual(keptOf(restored, before, lost));
          await migrate('migrate');
          expect(await rows(table)).toEqual(expected(columns));
        }
      }),
      { numRuns: 3, seed: 20261206, endOnFailure: true },
    );
    // The seed must reach real changes, not only steps the model skips.
    expect(applied).toBeGreaterThanOrEqual(5);
  });

  const next = () => new Date((clock += 60_000)).toISOString();
  const sql = (statement: string) => runSql(project.dir, url, statement);
  const migrate = async (direction: 'migrate' | 'migrate:down') => {
    const result = await project.npm(['run', direction], { DATABASE_URL: url });
    expect(result.exitCode, result.all).toBe(0);
  };
  const rows = async (table: string): Promise<Row[]> =>
    (await sql(`select * from ${table} order by id`)).map(({ id: _id, created_at: _c, updated_at: _u, ...rest }) => rest);
  const expected = (columns: Column[]): Row[] => [0, 1, 2].map((i) => Object.fromEntries(columns.map((c) => [snake(c.name), c.values[i] ?? null])));
  /** The columns the rows had before, without the one whose values a drop lost. */
  const keptOf = (rowsNow: Row[], before: Row[], lost: string | undefined): Row[] =>
    rowsNow.map((row, i) => Object.fromEntries(Object.keys(before[i] ?? {}).filter((key) => key !== lost).map((key) => [key, row[key] ?? null])));
});

/** Updates the model for one step and returns the change's arguments, or undefined to skip it. */
function apply(step: Step, columns: Column[]): string[] | undefined {
  const pick = (index: number) => columns[index % columns.length];
  // A name already taken moves on to the next free one, so that few steps are skipped.
  const free = (wanted: string) => [wanted, ...NAMES].find((name) => !columns.some((c) => c.name === name)) ?? wanted;
  if (step.action === 'add') {
    const name = free(step.name);
    const column: Column = step.withDefault
      ? { name, token: (n) => `${n}:int:default=7`, optional: false, values: ['7', '7', '7'], kind: 'int' }
      : { name, token: (n) => `${n}:text:optional`, optional: true, values: [null, null, null], kind: 'text' };
    columns.push(column);
    return ['add', column.token(column.name)];
  }
  const column = pick(step.index);
  if (!column) return undefined;
  if (step.action === 'rename') {
    const from = column.name;
    column.name = free(step.to);
    return ['rename', `${from}=${column.name}`];
  }
  if (step.action === 'drop') {
    if (columns.length < 2) return undefined;
    columns.splice(columns.indexOf(column), 1);
    return ['drop', column.name];
  }
  if (step.action === 'require') {
    if (!column.optional || (column.kind !== 'int' && column.kind !== 'bigint')) return undefined;
    column.optional = false;
    column.values = column.values.map((value) => value ?? '9');
    column.token = (n) => `${n}:${column.kind}:default=9`;
    return ['alter', column.token(column.name)];
  }
  if (column.kind === 'int') {
    column.kind = 'bigint';
    const optional = column.optional;
    const previous = column.token('x');
    const fallback = previous.includes('default=') ? `:default=${previous.split('default=')[1]}` : '';
    column.token = (n) => `${n}:bigint${optional ? ':optional' : ''}${fallback}`;
    return ['alter', column.token(column.name)];
  }
  if (column.kind === 'string' && !column.token('x').includes('max=200')) {
    column.token = (n) => `${n}:string:max=200`;
    return ['alter', column.token(column.name)];
  }
  return undefined;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
