import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SCRATCH, type ScratchDatabase } from '../helpers/servers.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';

afterAll(removeTempDirs);

type Project = Awaited<ReturnType<typeof freshProject>>;

/**
 * The generated project's own load test (`npm run test:load`: autocannon on loopback against a
 * started server, then a SIGTERM under load) on a fresh project, on SQLite, MariaDB and PostgreSQL. The
 * figures it prints (req/s, p99, errors) are echoed here.
 */
describe('a generated project under load', () => {
  let project: Project;
  let mariadb: ScratchDatabase;
  let postgres: ScratchDatabase;

  beforeAll(async () => {
    project = await freshProject();
    for (const args of [
      ['new', 'category', 'name:string:unique'],
      ['new', 'product', 'name:string:max=40', 'price:decimal', 'sku:string:unique', 'status:enum:values=draft,published', 'category:ref'],
    ]) {
      const result = await project.cli(args);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    mariadb = await SCRATCH.mysql('layered_load');
    postgres = await SCRATCH.postgres('layered_load');
  });

  afterAll(async () => {
    await mariadb?.drop();
    await postgres?.drop();
  });

  it.each([
    ['SQLite', () => ({ TEST_DATABASE_URL: '' })],
    ['MariaDB', () => ({ TEST_DATABASE_URL: mariadb.url })],
    ['PostgreSQL', () => ({ TEST_DATABASE_URL: postgres.url })],
  ])('answers every request and loses no write on %s', async (label, env) => {
    const result = await project.npm(['run', 'test:load'], { LOAD_DOMAIN: 'product', LOAD_SECONDS: '10', ...env() });
    const figures = result.all.split('\n').filter((line) => line.includes('req/s'));
    console.log(`${label}:\n${figures.join('\n')}`);
    expect(result.exitCode, result.all).toBe(0);
    expect(figures).toHaveLength(2);
  });
});
