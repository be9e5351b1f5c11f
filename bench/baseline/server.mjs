// BASELINE, not generated code: the floor `bench/http.mjs` measures the generated app against.
// A minimal hand-written Hono + Kysely server for four routes of the bench's `product`
// domain (name:string:max=120 price:decimal stock:int:default=0 sku:string:unique
// description:text:optional): the same JSON bodies, the same zod validation (422
// problem+json with pointers), the same database setup; no layers, DI, OpenAPI or logging.
//
// With JWT_SECRET set it also verifies a bearer token on every route, as a generated domain
// with `--access user` does (but without reading the user's row).
//
// `bench/http.mjs` copies it into the generated project (so imports resolve from its
// node_modules) after building that project, and runs: node baseline.mjs <port>
import { createHash } from 'node:crypto';

import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';

import { createDatabase } from './dist/src/_core/infrastructure/database.js';
import { normaliseDecimal } from './dist/src/_core/domain/decimal.js';

const db = createDatabase(process.env.DATABASE_URL);
const returning = db.getExecutor().adapter.supportsReturning;
const port = Number(process.argv[2]);

const decimal = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, { error: 'Expected a decimal with at most 16 digits before the point and 2 after' }))
  .transform((value) => normaliseDecimal(value, 2));
const createProduct = z.strictObject({
  name: z.string().max(120),
  price: decimal,
  stock: z.number().int().min(-2_147_483_648).max(2_147_483_647).default(0),
  sku: z.string().max(255),
  description: z.string().nullable().default(null),
});
const positive = z.string().regex(/^[1-9]\d{0,14}$/, { error: 'Expected a positive integer' }).transform(Number);
const size = positive.pipe(z.number().max(100));
const pageQuery = z.object({ page: positive.optional(), pageSize: size.optional() });
// The filtered list the bench loads: stock at least n, name containing a text, one cursor slice.
const filteredQuery = z.strictObject({
  'name.contains': z.string().min(1).max(1000),
  'stock.gte': z.string().regex(/^-?\d{1,10}$/).transform(Number),
  limit: size.optional(),
});
/** The generated app's cursor (base64url JSON of the last sort values, then a checksum over the query). */
function nextCursor(filters, last) {
  const payload = JSON.stringify([last.id]);
  const asked = JSON.stringify([filters, [['id', false]]]);
  const sum = createHash('sha256').update(`${asked}\n${payload}`).digest('base64url').slice(0, 22);
  return `${Buffer.from(payload).toString('base64url')}.${sum}`;
}

const dbTime = (value) => {
  if (value instanceof Date) return value.toISOString();
  const text = value.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`).toISOString();
};
const toProduct = (row) => ({
  id: Number(row.id),
  createdAt: dbTime(row.createdAt),
  updatedAt: dbTime(row.updatedAt),
  name: row.name,
  price: normaliseDecimal(String(row.price), 2),
  stock: row.stock,
  sku: row.sku,
  description: row.description,
});
const columns = ['id', 'createdAt', 'updatedAt', 'name', 'price', 'stock', 'sku', 'description'];
const select = () => db.selectFrom('product').select(columns);

function problem(c, status, title, code, detail, errors) {
  const body = { type: 'about:blank', title, status, detail, instance: c.req.path, code, ...(errors && { errors }), traceId: '' };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}
const pointer = (path) => path.map((segment) => `/${segment}`).join('');
const fieldErrors = (issue) =>
  issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ pointer: pointer([...issue.path, key]), message: `Unknown field "${key}".` }))
    : [{ pointer: pointer(issue.path), message: issue.message }];
const invalid = (c, error) =>
  problem(c, 422, 'Unprocessable Entity', 'VALIDATION_FAILED', 'The request is not valid.', error.issues.flatMap(fieldErrors));

const app = new Hono();

// With auth (`AUTH=1 node bench/http.mjs`), every route verifies the same HS256 token the
// generated app issues: `hono/jwt`, algorithm pinned, issuer and audience checked.
const secret = process.env.JWT_SECRET;
if (secret) {
  const { verify } = await import('hono/jwt');
  const options = { alg: 'HS256', iss: process.env.JWT_ISSUER ?? 'api', aud: process.env.JWT_AUDIENCE ?? 'api' };
  app.use('/api/v1/*', async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const valid = token !== undefined && (await verify(token, secret, options).then(() => true, () => false));
    if (!valid) return problem(c, 401, 'Unauthorized', 'UNAUTHORIZED', 'A valid access token is required.');
    await next();
  });
}

app.get('/api/v1/products/:id', async (c) => {
  const id = positive.safeParse(c.req.param('id'));
  if (!id.success) return invalid(c, id.error);
  const row = await select().where('id', '=', id.data).executeTakeFirst();
  if (!row) return problem(c, 404, 'Not Found', 'PRODUCT_NOT_FOUND', `Product ${id.data} was not found.`);
  return c.json({ data: toProduct(row) });
});

app.get('/api/v1/products', async (c) => {
  if (c.req.query('limit') !== undefined) return filtered(c);
  const query = pageQuery.safeParse(c.req.query());
  if (!query.success) return invalid(c, query.error);
  const { page = 1, pageSize = 20 } = query.data;
  const [rows, { count }] = await Promise.all([
    select().orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom('product').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count);
  return c.json({ data: rows.map(toProduct), meta: { page, pageSize, total, totalPages: Math.ceil(total / pageSize) } });
});

async function filtered(c) {
  const query = filteredQuery.safeParse(c.req.query());
  if (!query.success) return invalid(c, query.error);
  const { 'name.contains': text, 'stock.gte': stock, limit = 20 } = query.data;
  const pattern = `%${text.replace(/[!%_]/g, '!$&')}%`;
  const like = db.getExecutor().adapter.constructor.name === 'PostgresAdapter' ? sql`ilike` : sql`like`;
  const rows = await select()
    .where(sql`name ${like} ${pattern} escape '!'`)
    .where('stock', '>=', stock)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toProduct);
  const filters = [['name', 'contains', text], ['stock', 'gte', stock]];
  const more = rows.length > limit;
  return c.json({ data: items, meta: { limit, nextCursor: more ? nextCursor(filters, items.at(-1)) : null } });
}

app.post('/api/v1/products', async (c) => {
  const body = createProduct.safeParse(await c.req.json());
  if (!body.success) return invalid(c, body.error);
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const values = { ...body.data, createdAt: now, updatedAt: now };
  const insert = db.insertInto('product').values(values);
  // One round trip where the database has RETURNING (SQLite, PostgreSQL); MySQL reads back by id.
  const row = returning
    ? await insert.returning(columns).executeTakeFirstOrThrow()
    : await select().where('id', '=', Number((await insert.executeTakeFirstOrThrow()).insertId)).executeTakeFirstOrThrow();
  const product = toProduct(row);
  return c.json({ data: product }, 201, { Location: `/api/v1/products/${product.id}` });
});

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
