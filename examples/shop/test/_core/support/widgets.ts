import { randomBytes } from 'node:crypto';

import type { Generated, Kysely, Selectable } from 'kysely';

import { fromDbDateTime, toDbDateTime } from '../../../src/_core/infrastructure/column-values.js';

import type { Entity } from '../../../src/_core/domain/entity.js';
import type { Database } from '../../../src/_core/infrastructure/database.js';
import {
  KyselyRepository,
  type BaseTable,
} from '../../../src/_core/infrastructure/kysely-repository.js';
import type { Outbox } from '../../../src/_core/infrastructure/outbox.js';
import {
  idColumn,
  referenceColumn,
  timestampColumns,
} from '../../../src/_core/infrastructure/schema.js';

export interface WidgetTable extends BaseTable {
  name: string;
  note: string | null;
  makerId: number | null;
}

export interface Widget extends Entity {
  name: string;
  note: string | null;
  makerId: number | null;
}

export interface CreateWidget {
  name: string;
  note?: string | null;
  makerId?: number | null;
}

export type UpdateWidget = Partial<CreateWidget>;

export class WidgetRepository extends KyselyRepository<
  WidgetTable,
  Widget,
  CreateWidget,
  UpdateWidget
> {
  constructor(db: Kysely<Database>, table: string, outbox?: Outbox) {
    super(db, table, 'Widget', outbox);
  }

  protected toEntity(row: Selectable<WidgetTable>): Widget {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      name: row.name,
      note: row.note,
      makerId: row.makerId,
    };
  }

  protected toInsert(input: CreateWidget) {
    return { name: input.name, note: input.note ?? null, makerId: input.makerId ?? null };
  }

  protected toUpdate(changes: UpdateWidget) {
    return { name: changes.name, note: changes.note, makerId: changes.makerId };
  }
}

/**
 * A maker table and a widget table referring to it, under names unique to this run so
 * tests can share a MySQL database with anything else.
 */
export async function createWidgetTables(db: Kysely<Database>) {
  const suffix = randomBytes(4).toString('hex');
  const tables = { maker: `core_maker_${suffix}`, widget: `core_widget_${suffix}` };
  const any = db as Kysely<unknown>;
  const schema = any.schema;
  await schema
    .createTable(tables.maker)
    .$call(idColumn(any))
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .$call(timestampColumns(any))
    .execute();
  await schema
    .createTable(tables.widget)
    .$call(idColumn(any))
    .addColumn('name', 'varchar(100)', (col) => col.notNull().unique())
    .addColumn('note', 'varchar(200)')
    .$call(referenceColumn('maker_id', tables.maker))
    .$call(timestampColumns(any))
    .execute();
  const drop = async () => {
    await schema.dropTable(tables.widget).ifExists().execute();
    await schema.dropTable(tables.maker).ifExists().execute();
  };
  return { tables, drop };
}

interface MakerTable {
  id: Generated<number>;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export async function insertMaker(db: Kysely<Database>, table: string, name: string) {
  const now = toDbDateTime(new Date());
  const makers = db as unknown as Kysely<Record<string, MakerTable>>;
  // Read back by name: PostgreSQL reports no insert id, MySQL has no `RETURNING`.
  await makers.insertInto(table).values({ name, createdAt: now, updatedAt: now }).execute();
  const { id } = await makers
    .selectFrom(table)
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return id;
}
