import { randomBytes } from 'node:crypto';

import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely, Selectable } from 'kysely';

import { BaseUseCase } from '../../../src/_core/application/base.use-case.js';
import { BaseService } from '../../../src/_core/domain/base.service.js';
import type { Entity } from '../../../src/_core/domain/entity.js';
import {
  fromDbBigint,
  fromDbBoolean,
  fromDbDate,
  fromDbDateTime,
  fromDbDecimal,
  toDbBigint,
  toDbBoolean,
  toDbDateTime,
} from '../../../src/_core/infrastructure/column-values.js';
import type { Database } from '../../../src/_core/infrastructure/database.js';
import {
  KyselyRepository,
  type BaseTable,
} from '../../../src/_core/infrastructure/kysely-repository.js';
import {
  dateTimeType,
  decimalType,
  idColumn,
  textType,
  timestampColumns,
  uuidType,
} from '../../../src/_core/infrastructure/schema.js';
import { listQuerySchema, type ListField } from '../../../src/_core/interface/list-query-schema.js';
import { createRouter } from '../../../src/_core/interface/router.js';
import { jsonContent, listSchema } from '../../../src/_core/interface/schemas.js';

/*
 * A table with a column of every kind a list filters on, behind the core's own repository,
 * service, use case and list schema: what every generated domain's list runs on.
 */

export interface Gadget extends Entity {
  code: string;
  label: string;
  note: string | null;
  qty: number;
  big: string;
  ratio: number | null;
  price: string;
  day: string | null;
  at: string;
  flag: boolean;
  kind: 'a' | 'b' | 'c';
  tag: string | null;
}

type CreateGadget = Omit<Gadget, keyof Entity>;

export const GADGET_FIELDS: Readonly<Record<string, ListField>> = {
  code: { kind: 'string', sortable: true },
  label: { kind: 'string' },
  note: { kind: 'text', optional: true },
  qty: { kind: 'int', sortable: true },
  big: { kind: 'bigint', sortable: true },
  ratio: { kind: 'float', optional: true, sortable: true },
  price: { kind: 'decimal', precision: 18, scale: 2, sortable: true },
  day: { kind: 'date', optional: true, sortable: true },
  at: { kind: 'datetime', sortable: true },
  flag: { kind: 'boolean' },
  kind: { kind: 'enum', values: ['a', 'b', 'c'] },
  tag: { kind: 'uuid', optional: true },
};

interface GadgetTable extends BaseTable {
  code: string;
  label: string;
  note: string | null;
  qty: number;
  big: string | number;
  ratio: number | null;
  price: string | number;
  day: string | Date | null;
  at: string | Date;
  flag: number | boolean;
  kind: 'a' | 'b' | 'c';
  tag: string | null;
}

class GadgetRepository extends KyselyRepository<GadgetTable, Gadget, CreateGadget, CreateGadget> {
  protected toEntity(row: Selectable<GadgetTable>): Gadget {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      code: row.code,
      label: row.label,
      note: row.note,
      qty: row.qty,
      big: fromDbBigint(row.big),
      ratio: row.ratio,
      price: fromDbDecimal(row.price, 2),
      day: fromDbDate(row.day),
      at: fromDbDateTime(row.at),
      flag: fromDbBoolean(row.flag),
      kind: row.kind,
      tag: row.tag,
    };
  }

  protected toInsert(input: CreateGadget) {
    return {
      ...input,
      big: toDbBigint(input.big),
      at: toDbDateTime(input.at),
      flag: toDbBoolean(input.flag),
    };
  }

  protected toUpdate(changes: CreateGadget) {
    return this.toInsert(changes);
  }
}

class GadgetService extends BaseService<CreateGadget, Gadget, CreateGadget> {}
class GadgetUseCase extends BaseUseCase<CreateGadget, Gadget, CreateGadget> {}

/** A gadget table of this run's own, and a router listing it at `/api/test/gadgets`. */
export async function createGadgets(db: Kysely<Database>) {
  const table = `core_gadget_${randomBytes(4).toString('hex')}`;
  const any = db as Kysely<unknown>;
  await any.schema
    .createTable(table)
    .$call(idColumn(any))
    .addColumn('code', 'varchar(40)', (col) => col.notNull())
    .addColumn('label', 'varchar(80)', (col) => col.notNull())
    .addColumn('note', textType(any))
    .addColumn('qty', 'integer', (col) => col.notNull())
    .addColumn('big', 'bigint', (col) => col.notNull())
    .addColumn('ratio', 'double precision')
    .addColumn('price', decimalType(any, 18, 2), (col) => col.notNull())
    .addColumn('day', 'date')
    .addColumn('at', dateTimeType(any), (col) => col.notNull())
    .addColumn('flag', 'boolean', (col) => col.notNull())
    .addColumn('kind', 'varchar(8)', (col) => col.notNull())
    .addColumn('tag', uuidType(any))
    .$call(timestampColumns(any))
    .execute();
  await any.schema.createIndex(`${table}_code`).on(table).column('code').execute();

  const repository = new GadgetRepository(db, table, 'Gadget');
  const gadgets = new GadgetUseCase(new GadgetService(repository, 'Gadget'));
  const route = createRoute({
    method: 'get',
    path: '/api/test/gadgets',
    request: { query: listQuerySchema(GADGET_FIELDS) },
    responses: {
      200: {
        description: 'Gadgets',
        content: jsonContent(listSchema(z.custom<Gadget>().openapi({ type: 'object' }))),
      },
    },
  });
  const router = createRouter();
  router.openapi(route, async (c) => c.json(await gadgets.find(c.req.valid('query')), 200));

  return { router, repository, drop: () => any.schema.dropTable(table).ifExists().execute() };
}
