import { sql, type Kysely } from 'kysely';

import { dropColumn, dropIndex, rebuildTable } from '../src/_core/infrastructure/alter-table.js';
import { dialectOf } from '../src/_core/infrastructure/dialect.js';
import {
  decimalType,
  idColumn,
  jsonType,
  referenceColumn,
  timestampColumns,
} from '../src/_core/infrastructure/schema.js';

/** `layered change product`: adds discontinued, indexes stock. */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await rebuildTable(db, 'product', {
      define: (table) =>
        table
          .$call(idColumn(db))
          .addColumn('name', 'varchar(120)', (col) => col.notNull())
          .addColumn('sku', 'varchar(32)', (col) => col.notNull().unique())
          .addColumn('price', decimalType(db, 18, 2), (col) => col.notNull())
          .addColumn('stock', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('weight', 'double precision')
          .addColumn('views', 'bigint', (col) => col.notNull().defaultTo('0'))
          .addColumn('released_on', 'date')
          .addColumn('attributes', jsonType(db))
          .$call(referenceColumn('category_id', 'category', { notNull: true }))
          .addColumn('discontinued', 'boolean', (col) => col.notNull().defaultTo(false))
          .$call(timestampColumns(db)),
      columns: {
        id: 'id',
        name: 'name',
        sku: 'sku',
        price: 'price',
        stock: 'stock',
        weight: 'weight',
        views: 'views',
        released_on: 'released_on',
        attributes: 'attributes',
        category_id: 'category_id',
        discontinued: sql`0`,
        created_at: 'created_at',
        updated_at: 'updated_at',
      },
      indexes: [
        { name: 'product_stock_index', column: 'stock' },
        { name: 'product_category_id_index', column: 'category_id' },
      ],
    });
    return;
  }
  await db.schema
    .alterTable('product')
    .addColumn('discontinued', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('product_stock_index').on('product').column('stock').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await rebuildTable(db, 'product', {
      define: (table) =>
        table
          .$call(idColumn(db))
          .addColumn('name', 'varchar(120)', (col) => col.notNull())
          .addColumn('sku', 'varchar(32)', (col) => col.notNull().unique())
          .addColumn('price', decimalType(db, 18, 2), (col) => col.notNull())
          .addColumn('stock', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('weight', 'double precision')
          .addColumn('views', 'bigint', (col) => col.notNull().defaultTo('0'))
          .addColumn('released_on', 'date')
          .addColumn('attributes', jsonType(db))
          .$call(referenceColumn('category_id', 'category', { notNull: true }))
          .$call(timestampColumns(db)),
      columns: {
        id: 'id',
        name: 'name',
        sku: 'sku',
        price: 'price',
        stock: 'stock',
        weight: 'weight',
        views: 'views',
        released_on: 'released_on',
        attributes: 'attributes',
        category_id: 'category_id',
        created_at: 'created_at',
        updated_at: 'updated_at',
      },
      indexes: [{ name: 'product_category_id_index', column: 'category_id' }],
    });
    return;
  }
  await dropColumn(db, 'product', 'discontinued');
  await dropIndex(db, 'product', 'product_stock_index');
}
