import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Kysely } from 'kysely';

import type { Database } from '../../../src/_core/infrastructure/database.js';

/** The domain a load test drives: its URL, a body for a new row, and the rows it refers to. */
export interface LoadDomain {
  name: string;
  path: string;
  sample: (refs: object) => object;
  seedRefs: (db: Kysely<Database>) => Promise<object>;
}

interface Manifest {
  files: Array<{ path: string }>;
}

/**
 * `LOAD_DOMAIN`, or the first domain `layered new` added (by name). Its generated fixtures give
 * valid bodies (`sampleX`) and stored refs (`seedXRefs`); its URL comes from the OpenAPI
 * document, the route whose body is `CreateX`. Undefined when the project has no domain yet.
 */
export async function loadDomain(openapi: OpenApi): Promise<LoadDomain | undefined> {
  const folder = path.resolve('.layered/domains');
  const names = (await readdir(folder).catch(() => []))
    .filter((file) => file.endsWith('.json'))
    .sort();
  const file = process.env.LOAD_DOMAIN ? `${process.env.LOAD_DOMAIN}.json` : names[0];
  if (!file) return undefined;
  const manifest = JSON.parse(await readFile(path.join(folder, file), 'utf8')) as Manifest;
  const fixtures = manifest.files.find((entry) => entry.path.endsWith('.fixtures.ts'));
  if (!fixtures) throw new Error(`${file} lists no fixtures file`);
  const exports = (await import(path.resolve(fixtures.path))) as Record<string, unknown>;
  const [sampleName, sample] =
    Object.entries(exports).find(([key]) => /^sample[A-Z]/.test(key)) ?? [];
  if (typeof sample !== 'function' || !sampleName)
    throw new Error(`${fixtures.path} exports no sampleX()`);
  const className = sampleName.slice('sample'.length);
  const seedRefs = exports[`seed${className}Refs`];
  const route = Object.entries(openapi.paths).find(
    ([, item]) =>
      item.post?.requestBody?.content['application/json']?.schema.$ref ===
      `#/components/schemas/Create${className}`,
  );
  if (!route) throw new Error(`No route in the OpenAPI document takes a Create${className} body`);
  return {
    name: path.basename(file, '.json'),
    path: route[0],
    sample: sample as LoadDomain['sample'],
    seedRefs:
      typeof seedRefs === 'function' ? (seedRefs as LoadDomain['seedRefs']) : async () => ({}),
  };
}

export interface OpenApi {
  paths: Record<
    string,
    { post?: { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } } }
  >;
}
