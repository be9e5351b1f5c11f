#!/usr/bin/env node
// Regenerates examples/shop with the built CLI and a fixed clock, so the committed example is
// exactly what `layered` produces today (CI regenerates it into a temp dir and diffs).
// Usage: npm run examples [-- <target dir>]
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const target = path.resolve(process.argv[2] ?? path.join(repo, 'examples', 'shop'));
const cli = path.join(repo, 'bin', 'layered.js');
const env = { ...process.env, LAYERED_NOW: '2026-01-01T00:00:00Z', NO_COLOR: '1' };

/**
 * Five related domains that together use every field type at least once, behind auth: customers
 * are managed by admins, every signed-in user browses the catalogue, and each user sees only
 * the orders (and their items) they placed.
 */
export const EXAMPLE_DOMAINS = [
  ['customer', 'email:string:max=254:unique', 'name:string:max=120', 'vip:boolean:default=false', 'externalId:uuid:optional', '--access', 'admin'],
  ['category', 'name:string:max=80:unique', 'description:text:optional', 'parent:ref=category:optional'],
  [
    'product',
    'name:string:max=120',
    'sku:string:max=32:unique',
    'price:decimal',
    'stock:int:default=0',
    'weight:float:optional',
    'views:bigint:default=0',
    'releasedOn:date:optional',
    'attributes:json:optional',
    'category:ref',
  ],
  ['order', 'buyer:ref=customer', 'status:enum:values=open,paid,shipped,cancelled:default=open', 'placedAt:datetime:default=now', 'note:text:optional', '--access', 'owner'],
  ['order-item', 'order:ref', 'product:ref', 'quantity:int', 'unitPrice:decimal', '--access', 'owner'],
];

rmSync(target, { recursive: true, force: true });
mkdirSync(path.dirname(target), { recursive: true });
const run = (args) => execFileSync('node', [cli, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
run(['init', target, '--auth', '--no-install', '--no-git']);
// Domain events and a worker from the start, so every domain has its consumer.
run(['add', 'jobs', '--cwd', target]);
for (const [domain, ...fields] of EXAMPLE_DOMAINS) run(['new', domain, ...fields, '--cwd', target]);

/** A month later the shop needs a field: `change` writes the ALTER migration and merges the files. */
const EXAMPLE_CHANGE = ['product', 'add', 'discontinued:boolean:default=false', 'alter', 'stock:int:index:default=0'];
execFileSync('node', [cli, 'change', ...EXAMPLE_CHANGE, '--cwd', target], { env: { ...env, LAYERED_NOW: '2026-02-01T00:00:00Z' }, stdio: ['ignore', 'inherit', 'inherit'] });
