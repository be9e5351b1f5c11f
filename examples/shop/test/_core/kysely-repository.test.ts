import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  ConflictError,
  InUseError,
  ReferenceNotFoundError,
  ServiceUnavailableError,
} from '../../src/_core/domain/errors.js';
import { ID_ORDER } from '../../src/_core/domain/list.js';
import { createDatabase, type Database } from '../../src/_core/infrastructure/database.js';
import { testDatabaseUrls } from './support/settings.js';
import { createWidgetTables, insertMaker, WidgetRepository } from './support/widgets.js';

const inIdOrder = { filters: [], sort: ID_ORDER };
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe.each(testDatabaseUrls)('KyselyRepository on %s', (url) => {
  let db: Kysely<Database>;
  let tables: { maker: string; widget: string };
  let drop: () => Promise<void>;
  let widgets: WidgetRepository;

  beforeAll(async () => {
    db = createDatabase(url);
    ({ tables, drop } = await createWidgetTables(db));
    widgets = new WidgetRepository(db, tables.widget);
  });

  afterAll(async () => {
    await drop();
    await db.destroy();
  });

  it('creates one row and reads it back', async () => {
    const created = await widgets.create({ name: 'alpha' });
    expect(created).toMatchObject({ name: 'alpha', note: null, makerId: null });
    expect(created.id).toBeGreaterThan(0);
    expect(created.createdAt).toMatch(ISO_UTC);
    expect(created.updatedAt).toBe(created.createdAt);
    expect(await widgets.findById(created.id)).toEqual(created);
  });

  it('creates many in id order, all or none', async () => {
    const created = await widgets.createMany([{ name: 'beta' }, { name: 'gamma', note: 'g' }]);
    expect(created.map((w) => w.name)).toEqual(['beta', 'gamma']);
    expect(created[0]!.id).toBeLessThan(created[1]!.id);

    const before = await widgets.count();
    await expect(widgets.createMany([{ name: 'delta' }, { name: 'alpha' }])).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await widgets.count()).toBe(before);
  });

  it('pages in id order with the total', async () => {
    const total = await widgets.count();
    const first = await widgets.findPage({ ...inIdOrder, page: 1, pageSize: 2 });
    const second = await widgets.findPage({ ...inIdOrder, page: 2, pageSize: 2 });
    expect(first.total).toBe(total);
    expect(first.items.map((w) => w.name)).toEqual(['alpha', 'beta']);
    expect(second.items.map((w) => w.name)).toEqual(['gamma']);
    expect((await widgets.findPage({ ...inIdOrder, page: 9, pageSize: 2 })).items).toEqual([]);
  });

  it('finds by ids in the order asked and reports the missing ones', async () => {
    const { items } = await widgets.findPage({ ...inIdOrder, page: 1, pageSize: 3 });
    const [a, b, c] = items.map((w) => w.id) as [number, number, number];
    const found = await widgets.findByIds([c, 999_999, a, b]);
    expect(found.items.map((w) => w.id)).toEqual([c, a, b]);
    expect(found.missing).toEqual([999_999]);
    expect(await widgets.findByIds([])).toEqual({ items: [], missing: [] });
  });

  it('updates only the given fields and can set a column to null', async () => {
    const widget = await widgets.create({ name: 'epsilon', note: 'keep me' });
    const renamed = await widgets.update(widget.id, { name: 'zeta' });
    expect(renamed).toMatchObject({ name: 'zeta', note: 'keep me' });
    expect(Date.parse(renamed!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(widget.updatedAt));

    const cleared = await widgets.update(widget.id, { note: null });
    expect(cleared).toMatchObject({ name: 'zeta', note: null });
    expect(await widgets.update(999_999, { note: null })).toBeUndefined();
  });

  it('deletes and says whether a row was there', async () => {
    const widget = await widgets.create({ name: 'eta' });
    expect(await widgets.delete(widget.id)).toBe(true);
    expect(await widgets.delete(widget.id)).toBe(false);
    expect(await widgets.findById(widget.id)).toBeUndefined();
  });

  it('turns a unique clash into a ConflictError (409)', async () => {
    const error = await widgets.create({ name: 'alpha' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'WIDGET_CONFLICT' });
    const other = await widgets.create({ name: 'theta' });
    await expect(widgets.update(other.id, { name: 'alpha' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('turns a missing reference into 422 and a referenced delete into 409', async () => {
    const write = await widgets.create({ name: 'iota', makerId: 999_999 }).catch((e: unknown) => e);
    expect(write).toBeInstanceOf(ReferenceNotFoundError);
    expect(write).toMatchObject({ status: 422, code: 'WIDGET_REFERENCE_NOT_FOUND' });

    const makerId = await insertMaker(db, tables.maker, 'acme');
    const widget = await widgets.create({ name: 'kappa', makerId });
    expect(widget.makerId).toBe(makerId);
    await expect(widgets.update(widget.id, { makerId: 999_999 })).rejects.toBeInstanceOf(
      ReferenceNotFoundError,
    );

    const makers = new WidgetRepository(db, tables.maker);
    const inUse = await makers.delete(makerId).catch((e: unknown) => e);
    expect(inUse).toBeInstanceOf(InUseError);
    expect(inUse).toMatchObject({ status: 409 });
  });
});

describe('KyselyRepository without a database', () => {
  it('turns a refused connection into ServiceUnavailableError (503)', async () => {
    const db = createDatabase('mysql://root@127.0.0.1:1/nowhere');
    const error = await new WidgetRepository(db, 'widget').count().catch((e: unknown) => e);
    await db.destroy();
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ status: 503 });
  });
});
