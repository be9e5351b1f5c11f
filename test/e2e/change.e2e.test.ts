import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SCRATCH } from '../helpers/servers.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';
import { runSql, type Row } from './support/rows.js';

afterAll(removeTempDirs);

type Project = Awaited<ReturnType<typeof freshProject>>;

/**
 * Each kind of change, applied with rows in the table, on SQLite, MariaDB and PostgreSQL: the values the
 * data-safety rules keep are read back after `migrate`, after `migrate:down`, and after
 * `migrate` again; then the project type-checks and passes its own tests.
 */
describe.each(['sqlite', 'mysql', 'postgres'] as const)('layered change on %s, with rows in the table', (dialect) => {
  let project: Project;
  let url: string;
  let drop: (() => Promise<void>) | undefined;
  let clock = Date.parse('2026-02-01T00:00:00Z');

  const sql = (statement: string) => runSql(project.dir, url, statement);
  const products = () => sql('select * from product order by id');
  const env = () => ({ DATABASE_URL: url });
  const migrate = async (direction: 'migrate' | 'migrate:down') => {
    const result = await project.npm(['run', direction], env());
    expect(result.exitCode, result.all).toBe(0);
  };
  const change = async (...args: string[]) => {
    clock += 60_000;
    const result = await project.cli(['change', ...args], { LAYERED_NOW: new Date(clock).toISOString() });
    expect(result.exitCode, result.stderr).toBe(0);
    return result;
  };
  /** Applies, checks, rolls back, checks the old shape, applies again, checks. */
  const roundTrip = async (after: (rows: Row[]) => void, before: (rows: Row[]) => void) => {
    await migrate('migrate');
    after(await products());
    await migrate('migrate:down');
    before(await products());
    await migrate('migrate');
    after(await products());
  };
  const column = (rows: Row[], name: string) => rows.map((row) => row[name]);

  beforeAll(async () => {
    project = await freshProject();
    if (dialect === 'sqlite') {
      url = `sqlite:${project.dir}/change.db`;
    } else {
      const database = await SCRATCH[dialect]('layered_e2e_change');
      url = database.url;
      drop = database.drop;
    }
    for (const args of [
      ['new', 'category', 'name:string:max=80:unique'],
      ['new', 'product', 'name:string:max=40', 'price:decimal', 'stock:int:optional', 'legacy:string:optional', 'code:string:optional', 'status:enum:values=draft,live:default=draft', 'category:ref:optional'],
    ]) {
      const result = await project.cli(args);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    await migrate('migrate');
    await sql("insert into category (name, created_at, updated_at) values ('Tools', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')");
    const rows = [
      ["'Hammer'", "'12.50'", '3', "'old-1'", "'H-1'", "'live'", '1'],
      ["'Saw'", "'7.00'", 'NULL', "'old-2'", "'S-1'", "'draft'", '1'],
      ["'Glue'", "'0.99'", 'NULL', 'NULL', 'NULL', "'draft'", 'NULL'],
    ];
    for (const values of rows) {
      await sql(`insert into product (name, price, stock, legacy, code, status, category_id, created_at, updated_at) values (${values.join(', ')}, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')`);
    }
  });

  afterAll(async () => {
    await drop?.();
  });

  it('adds an optional field and a defaulted one; existing rows get NULL and the default', async () => {
    await change('product', 'add', 'weight:float:optional', 'add', 'sold:int:default=0');
    await roundTrip(
      (rows) => {
        expect(column(rows, 'weight')).toEqual([null, null, null]);
        expect(column(rows, 'sold')).toEqual(['0', '0', '0']);
        expect(column(rows, 'name')).toEqual(['Hammer', 'Saw', 'Glue']);
      },
      (rows) => expect(Object.keys(rows[0] ?? {})).not.toContain('sold'),
    );
  });

  it('renames a field; its values are read under the new name', async () => {
    await change('product', 'rename', 'name=title', 'alter', 'title:string:max=200');
    await roundTrip(
      (rows) => {
        expect(column(rows, 'title')).toEqual(['Hammer', 'Saw', 'Glue']);
        expect(Object.keys(rows[0] ?? {})).not.toContain('name');
      },
      (rows) => expect(column(rows, 'name')).toEqual(['Hammer', 'Saw', 'Glue']),
    );
  });

  it('makes an optional field required with a default, back-filling NULLs', async () => {
    await change('product', 'alter', 'stock:int:default=5');
    await roundTrip(
      (rows) => expect(column(rows, 'stock')).toEqual(['3', '5', '5']),
      (rows) => expect(column(rows, 'stock')).toEqual(['3', '5', '5']),
    );
    await expect(sql("insert into product (title, price, status, sold, created_at, updated_at) values ('Nail', '0.10', 'draft', 0, '2026-01-02 00:00:00.000', '2026-01-02 00:00:00.000')")).resolves.toEqual([]);
    expect(column(await products(), 'stock').at(-1)).toBe('5');
    await sql("delete from product where title = 'Nail'");
  });

  it('widens types (int to bigint), required to optional, and adds an enum value', async () => {
    await change('product', 'alter', 'stock:bigint:default=5', 'alter', 'price:decimal:optional', 'alter', 'status:enum:values=draft,live,retired:default=draft');
    await roundTrip(
      (rows) => {
        expect(column(rows, 'stock')).toEqual(['3', '5', '5']);
        expect(column(rows, 'price')).toEqual(['12.50', '7.00', '0.99']);
        expect(column(rows, 'status')).toEqual(['live', 'draft', 'draft']);
      },
      (rows) => expect(column(rows, 'price')).toEqual(['12.50', '7.00', '0.99']),
    );
    await sql("update product set price = null where id = 3");
    expect(column(await products(), 'price')).toEqual(['12.50', '7.00', null]);
  });

  it('adds unique and an index to a column without duplicates', async () => {
    await change('product', 'alter', 'code:string:optional:unique', 'alter', 'legacy:string:optional:index', '--allow-data-loss');
    await roundTrip(
      (rows) => expect(column(rows, 'code')).toEqual(['H-1', 'S-1', null]),
      (rows) => expect(column(rows, 'code')).toEqual(['H-1', 'S-1', null]),
    );
    await expect(sql("update product set code = 'H-1' where id = 2")).rejects.toThrow(/UNIQUE|Duplicate/i);
  });

  it('drops a field with --allow-data-loss; the other values stay', async () => {
    await change('product', 'drop', 'legacy', '--allow-data-loss');
    await roundTrip(
      (rows) => {
        expect(Object.keys(rows[0] ?? {})).not.toContain('legacy');
        expect(column(rows, 'title')).toEqual(['Hammer', 'Saw', 'Glue']);
      },
      (rows) => expect(Object.keys(rows[0] ?? {})).toContain('legacy'),
    );
  });

  it('changes a table other tables refer to, keeping their references', async () => {
    await change('category', 'alter', 'name:string:max=120:unique');
    await migrate('migrate');
    expect(column(await products(), 'category_id')).toEqual(['1', '1', null]);
    expect(await sql('select name from category')).toEqual([{ name: 'Tools' }]);
    await expect(sql('delete from category where id = 1')).rejects.toThrow(/FOREIGN KEY|foreign key/);
  });

  it("type-checks, and passes the project's own tests", async () => {
    const typecheck = await project.npm(['run', 'typecheck']);
    expect(typecheck.exitCode, typecheck.all).toBe(0);
    const scratch = dialect === 'sqlite' ? undefined : await SCRATCH[dialect]('layered_e2e_change_t');
    try {
      const tests = await project.npm(['test'], scratch ? { TEST_DATABASE_URL: scratch.url } : {});
      expect(tests.exitCode, tests.all).toBe(0);
      expect(tests.all).toMatch(/Tests\s+\d+ passed/);
    } finally {
      await scratch?.drop();
    }
  });
});
