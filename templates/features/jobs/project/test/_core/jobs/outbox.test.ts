import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConflictError } from '../../../src/_core/domain/errors.js';
import { createDatabase, type Database } from '../../../src/_core/infrastructure/database.js';
import { KyselyOutbox } from '../../../src/_core/jobs/kysely-outbox.js';
import { migrateToLatest } from '../support/migrate.js';
import { testDatabaseUrls } from '../support/settings.js';
import { createWidgetTables, WidgetRepository } from '../support/widgets.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(testDatabaseUrls)('the outbox on %s', (url) => {
  let db: Kysely<Database>;
  let widgets: WidgetRepository;
  let drop: () => Promise<void>;
  let type: (change: string) => string;

  beforeAll(async () => {
    db = createDatabase(url);
    await migrateToLatest(db);
    let tables: { widget: string };
    ({ tables, drop } = await createWidgetTables(db));
    widgets = new WidgetRepository(db, tables.widget, new KyselyOutbox());
    type = (change) => `${tables.widget.replaceAll('_', '-')}.${change}`;
  });

  afterAll(async () => {
    await drop();
    await db.destroy();
  });

  // Other test files may share the database: look only at this table's events.
  const events = () =>
    db
      .selectFrom('outbox')
      .selectAll()
      .where('type', 'like', `${type('')}%`)
      .orderBy('id')
      .execute();

  it('records each write as an event in its transaction', async () => {
    const before = (await events()).length;
    const created = await widgets.create({ name: 'one' });
    await widgets.update(created.id, { note: 'n' });
    await widgets.delete(created.id);

    const written = (await events()).slice(before);
    expect(written.map((row) => row.type)).toEqual([
      type('created'),
      type('updated'),
      type('deleted'),
    ]);
    expect(written.every((row) => UUID.test(row.eventId))).toBe(true);
    expect(new Set(written.map((row) => row.eventId)).size).toBe(3);
    expect(written.map((row) => Number(row.aggregateId))).toEqual([
      created.id,
      created.id,
      created.id,
    ]);
    expect(JSON.parse(written[0]!.payload)).toEqual(created);
    expect(JSON.parse(written[1]!.payload)).toMatchObject({ id: created.id, note: 'n' });
    expect(JSON.parse(written[2]!.payload)).toEqual({ id: created.id });
  });

  it('records one event per row of a bulk create', async () => {
    const before = (await events()).length;
    const created = await widgets.createMany([{ name: 'two' }, { name: 'three' }]);
    const written = (await events()).slice(before);
    expect(written.map((row) => Number(row.aggregateId))).toEqual(created.map((w) => w.id));
  });

  it('records nothing for a write that changes nothing', async () => {
    const before = (await events()).length;
    expect(await widgets.update(2_000_000_000, { note: 'x' })).toBeUndefined();
    expect(await widgets.delete(2_000_000_000)).toBe(false);
    expect(await events()).toHaveLength(before);
  });

  it('records no event for a write that was rolled back', async () => {
    await widgets.create({ name: 'taken' });
    const before = await events();
    const rows = await widgets.count();

    await expect(widgets.create({ name: 'taken' })).rejects.toBeInstanceOf(ConflictError);
    await expect(widgets.createMany([{ name: 'fresh' }, { name: 'taken' }])).rejects.toBeInstanceOf(
      ConflictError,
    );

    expect(await events()).toEqual(before);
    expect(await widgets.count()).toBe(rows);
  });
});
