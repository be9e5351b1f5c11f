import 'reflect-metadata';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCoreContainer, DATABASE, resolve } from '../../src/_core/core.module.js';
import type { FieldValue, Filter, FilterOperator, SortKey } from '../../src/_core/domain/list.js';
import type { Database } from '../../src/_core/infrastructure/database.js';
import { createCoreApp, type App } from '../../src/_core/interface/app.js';
import { createGadgets, GADGET_FIELDS, type Gadget } from './support/gadgets.js';
import { problem } from './support/http-cases.js';
import { listed } from './support/list-model.js';
import { testDatabaseUrls, testSettings } from './support/settings.js';

const PATH = '/api/test/gadgets';
const LABELS = ['Alpha one', '100% pure', 'under_score', 'plain', 'ALPHA two', 'x!y'];

/** Forty rows with ties, nulls, big numbers and decimals that sort differently as text. */
function gadgetRow(i: number): Omit<Gadget, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    code: `c${String(i % 13).padStart(2, '0')}`,
    label: LABELS[i % LABELS.length]!,
    note: i % 3 === 0 ? null : `Note ${i % 5}`,
    qty: ((i * 7) % 11) - 5,
    big: i % 4 === 0 ? '9007199254740993' : String(i * 1000 - 15_000),
    ratio: i % 5 === 0 ? null : (i % 6) / 4,
    price: `${(i * 37) % 200}.${i % 2 ? '50' : '05'}`,
    day: i % 4 === 1 ? null : `2026-0${1 + (i % 3)}-1${i % 10}`,
    at: new Date(Date.UTC(2026, 0, 1 + (i % 9), i % 24)).toISOString(),
    flag: i % 2 === 0,
    kind: (['a', 'b', 'c'] as const)[i % 3]!,
    tag: i % 4 === 2 ? null : `0000000${i % 7}-0000-4000-8000-000000000000`,
  };
}

type Row = Gadget & Record<string, FieldValue | null>;
type Case = [query: string, filter: Filter];

/** For each field and each operator it takes, a query with a value drawn from the rows. */
function filterCases(rows: readonly Row[]): Case[] {
  const cases: Case[] = [];
  const add = (field: string, operator: FilterOperator, value: Filter['value']) => {
    const key = operator === 'eq' ? field : `${field}.${operator}`;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    const { kind } = GADGET_FIELDS[field] ?? { kind: field === 'id' ? 'id' : 'datetime' };
    cases.push([
      `${encodeURIComponent(key)}=${encodeURIComponent(text)}`,
      { field, kind, operator, value },
    ]);
  };
  for (const [field, options] of Object.entries(GADGET_FIELDS)) {
    const values = [
      ...new Set(rows.map((row) => row[field]).filter((v) => v !== null)),
    ] as FieldValue[];
    const middle = values[Math.floor(values.length / 2)]!;
    const ordered = ['int', 'bigint', 'float', 'decimal', 'date', 'datetime'].includes(
      options.kind,
    );
    add(field, 'eq', middle);
    if (!['boolean', 'enum'].includes(options.kind)) add(field, 'ne', middle);
    if (ordered) for (const op of ['gt', 'gte', 'lt', 'lte'] as const) add(field, op, middle);
    if (
      ['int', 'bigint', 'decimal', 'date', 'datetime', 'string', 'uuid', 'enum'].includes(
        options.kind,
      )
    ) {
      add(field, 'in', values.slice(0, 3));
    }
    if (options.optional) for (const isNull of [true, false]) add(field, 'isNull', isNull);
  }
  for (const [field, text] of [
    ['label', 'ALP'],
    ['label', '%'],
    ['label', '_'],
    ['label', '!'],
    ['note', 'note 3'],
  ] as const) {
    add(field, 'contains', text);
  }
  add('label', 'startsWith', 'alpha');
  add('label', 'startsWith', '10');
  add('id', 'gt', rows[10]!.id);
  add('createdAt', 'lte', rows[20]!.createdAt);
  return cases;
}

describe.each(testDatabaseUrls)('Lists on %s', (url) => {
  let app: App;
  let db: Kysely<Database>;
  let drop: () => Promise<unknown>;
  let insert: (i: number) => Promise<unknown>;
  let rows: Row[];

  beforeAll(async () => {
    const container = createCoreContainer(testSettings({ databaseUrl: url }));
    app = createCoreApp(container);
    db = resolve(container, DATABASE);
    const gadgets = await createGadgets(db);
    drop = gadgets.drop;
    insert = (i) => gadgets.repository.create(gadgetRow(i));
    app.route('/', gadgets.router);
    rows = (await gadgets.repository.createMany(
      Array.from({ length: 40 }, (_, i) => gadgetRow(i)),
    )) as Row[];
  });

  afterAll(async () => {
    await drop();
    await db.destroy();
  });

  async function list(query: string): Promise<{ data: Row[]; meta: Record<string, unknown> }> {
    const response = await app.request(`${PATH}?${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as { data: Row[]; meta: Record<string, unknown> };
  }

  const ids = (items: readonly Row[]) => items.map((row) => row.id);

  it('answers each operator of each field with the rows the model computes', async () => {
    const cases = filterCases(rows);
    expect(cases.length).toBeGreaterThan(60);
    for (const [query, filter] of cases) {
      const expected = listed(rows, {
        filters: [filter],
        sort: [{ field: 'id', kind: 'id', descending: false, nullable: false }],
      });
      const { data } = await list(`${query}&pageSize=100`);
      expect(ids(data), query).toEqual(ids(expected));
    }
  });

  it('matches % and _ literally and ASCII letters in either case', async () => {
    expect(
      (await list('label.contains=%25&pageSize=100')).data.every(
        (row) => row.label === '100% pure',
      ),
    ).toBe(true);
    const alpha = await list('label.startsWith=aLpHa&pageSize=100');
    expect(new Set(alpha.data.map((row) => row.label))).toEqual(
      new Set(['Alpha one', 'ALPHA two']),
    );
  });

  it('combines filters with AND', async () => {
    const { data } = await list('kind=b&flag=true&qty.gte=0&pageSize=100');
    const expected = rows.filter((row) => row.kind === 'b' && row.flag && row.qty >= 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(data)).toEqual(ids(expected));
  });

  it('sorts on every sortable field both ways, id breaking ties in the last key direction', async () => {
    const sortable = Object.entries(GADGET_FIELDS).filter(([, options]) => options.sortable);
    for (const [field, options] of sortable) {
      for (const descending of [false, true]) {
        const sort: SortKey[] = [
          { field, kind: options.kind, descending, nullable: options.optional ?? false },
          { field: 'id', kind: 'id', descending, nullable: false },
        ];
        const { data } = await list(`sort=${descending ? '-' : ''}${field}&pageSize=100`);
        expect(ids(data), `sort ${field}`).toEqual(ids(listed(rows, { filters: [], sort })));
      }
    }
    const { data } = await list('sort=code,-qty&pageSize=100');
    const byCodeThenQty = [...rows].sort(
      (a, b) => a.code.localeCompare(b.code) || b.qty - a.qty || b.id - a.id,
    );
    expect(ids(data)).toEqual(ids(byCodeThenQty));
  });

  it('walks every row once with cursors while rows are inserted, and runs no count', async () => {
    const before = new Set(ids(rows));
    const seen: number[] = [];
    let query = 'sort=-price&limit=7';
    for (let step = 0; step < 50; step += 1) {
      const { data, meta } = await list(query);
      expect(meta).not.toHaveProperty('total');
      seen.push(...ids(data));
      // New rows land before and after the position reached; neither may repeat an old one.
      await insert(100 + step * 2);
      await insert(101 + step * 2);
      if (meta.nextCursor === null) break;
      query = `sort=-price&limit=7&after=${encodeURIComponent(meta.nextCursor as string)}`;
    }
    const preexisting = seen.filter((id) => before.has(id));
    expect(new Set(preexisting).size).toBe(preexisting.length);
    expect(new Set(preexisting)).toEqual(before);
  });

  it('refuses a cursor that was edited or is sent with another sort or filter', async () => {
    const { meta } = await list('sort=qty&limit=5');
    const cursor = meta.nextCursor as string;
    expect(cursor).toMatch(/^[\w-]+\.[\w-]+$/);
    const [payload, sum] = cursor.split('.');
    const edited = Buffer.from(
      Buffer.from(payload!, 'base64url').toString().replace(/\d/, '9'),
    ).toString('base64url');
    for (const query of [
      `sort=qty&limit=5&after=${edited}.${sum}`,
      `sort=-qty&limit=5&after=${cursor}`,
      `sort=qty&kind=a&limit=5&after=${cursor}`,
    ]) {
      const body = await problem(await app.request(`${PATH}?${query}`), 422);
      expect(body.errors?.[0]?.pointer, query).toBe('/after');
    }
    expect((await list(`sort=qty&limit=5&after=${cursor}`)).data).toHaveLength(5);
  });

  it.each([
    ['qty.gt=1.5', '/qty.gt'],
    ['kind=d', '/kind'],
    ['flag.ne=true', '/flag.ne'],
    ['note.in=a', '/note.in'],
    ['ratio.in=1', '/ratio.in'],
    ['qty.isNull=true', '/qty.isNull'],
    ['tag=not-a-uuid', '/tag'],
    ['price.gt=1.234', '/price.gt'],
    ['big.lt=99999999999999999999', '/big.lt'],
    ['day.gte=2026-1-1', '/day.gte'],
    ['at.lt=2026-01-01', '/at.lt'],
    ['flag=yes', '/flag'],
    ['label.contains=', '/label.contains'],
    [`code.in=${Array.from({ length: 101 }, (_, i) => `c${i}`).join(',')}`, '/code.in'],
    ['sort=label', '/sort'],
    ['sort=code,code', '/sort'],
    ['categoryID=1', '/categoryID'],
  ])('refuses %s with a 422 naming the key', async (query, pointer) => {
    const body = await problem(await app.request(`${PATH}?${query}`), 422);
    expect(body.errors?.map((error) => error.pointer)).toContain(pointer);
  });

  it('publishes every key as a typed query parameter', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { get: { parameters: Array<{ name: string; schema: { type?: string } }> } }
      >;
    };
    const names = document.paths[PATH]!.get.parameters.map((parameter) => parameter.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'qty',
        'qty.gte',
        'label.contains',
        'tag.isNull',
        'sort',
        'limit',
        'after',
      ]),
    );
    expect(names).not.toContain('label.gt');
  });
});
