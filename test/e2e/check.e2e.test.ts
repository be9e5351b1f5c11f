import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { removeTempDirs } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';

afterAll(removeTempDirs);

type Project = Awaited<ReturnType<typeof freshProject>>;

interface CheckJson {
  ok: boolean;
  findings: Array<{ code: string; message: string; hint: string; file?: string }>;
}

/** `layered check` against a real installed project: its own tsc, its own SQLite database. */
describe('layered check with the project installed', () => {
  let project: Project;

  const check = async (): Promise<CheckJson & { exitCode: number }> => {
    const result = await project.cli(['check', '--json']);
    return { exitCode: result.exitCode, ...(JSON.parse(result.stdout) as CheckJson) };
  };

  beforeAll(async () => {
    project = await freshProject();
    for (const args of [
      ['category', 'name:string'],
      ['product', 'name:string', 'price:decimal', 'category:ref'],
    ]) {
      const result = await project.cli(['new', ...args]);
      if (result.exitCode !== 0) throw new Error(result.stderr);
    }
  });

  it('passes before any migration, saying the database was not looked at', async () => {
    const result = await project.cli(['check']);

    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stderr).toContain('database not checked: ./dev.db does not exist yet');
    expect(result.stderr).not.toContain('types not checked');
  });

  it('reports type errors from the project’s own compiler, summarised', async () => {
    const main = path.join(project.dir, 'src/main.ts');
    const original = await readFile(main, 'utf8');
    await appendFile(main, "\nexport const broken: number = 'not a number';\n");
    try {
      const result = await check();

      expect(result.exitCode).toBe(2);
      expect(result.findings).toEqual([
        {
          code: 'TYPECHECK_FAILED',
          message: expect.stringMatching(/^The project does not type-check \(1 error\):\n {2}src\/main\.ts:\d+ TS2322 /) as string,
          hint: expect.stringContaining('npm run typecheck') as string,
          file: 'src/main.ts',
        },
      ]);
    } finally {
      await writeFile(main, original);
    }
  });

  it('passes once migrated, now checking the database too', async () => {
    const migrate = await project.npm(['run', 'migrate']);
    expect(migrate.exitCode, migrate.all).toBe(0);

    const result = await project.cli(['check']);

    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stderr).toBe('');
  });

  it("finds a domain whose table is not in the database, with npm run migrate as the fix", async () => {
    const added = await project.cli(['new', 'tag', 'label:string']);
    expect(added.exitCode, added.stderr).toBe(0);

    const result = await check();

    expect(result.findings).toEqual([
      {
        code: 'TABLE_MISSING',
        message: 'tag: the database has no table "tag".',
        hint: expect.stringMatching(/^Run npm run migrate/) as string,
        file: expect.stringMatching(/^migrations\/\d{14}_create_tag\.ts$/) as string,
      },
    ]);
    expect((await project.npm(['run', 'migrate'])).exitCode).toBe(0);
    expect((await check()).ok).toBe(true);
  });

  it('finds columns the table type declares but the table lacks', async () => {
    // Drop a column behind the migrations' back, with the project's own driver.
    await execa('node', ['-e', "new (require('better-sqlite3'))('dev.db').exec('alter table product drop column price')"], { cwd: project.dir });

    const result = await check();

    expect(result.exitCode).toBe(2);
    expect(result.findings.map((f) => [f.code, f.message])).toEqual([['COLUMNS_MISSING', 'product: table "product" lacks column price.']]);
  });

  it('reads DATABASE_URL from the environment before .env', async () => {
    const result = await project.cli(['check'], { DATABASE_URL: 'sqlite:./elsewhere.db' });

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('database not checked: ./elsewhere.db does not exist yet');
  });
});
