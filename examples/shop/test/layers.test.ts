import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const FRAMEWORKS = ['hono', 'kysely', 'zod', 'tsyringe', 'better-sqlite3', 'mysql2', 'pg', 'pino'];

/** Every `.ts` file under a `domain/` folder, for the core and each domain added later. */
function domainFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && file.split(path.sep).includes('domain'))
    .map((file) => path.join(SRC, file));
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => (match[1] ?? match[2])!);
}

function violation(specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    const layer = specifier
      .split('/')
      .find((part) => ['infrastructure', 'interface'].includes(part));
    return layer && `imports the ${layer} layer`;
  }
  const framework = FRAMEWORKS.find(
    (name) =>
      specifier === name || specifier.startsWith(`${name}/`) || specifier.startsWith(`@${name}/`),
  );
  return framework && `imports ${framework}`;
}

describe('the dependency rule', () => {
  const files = domainFiles();

  it('finds the domain layers', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [path.relative(SRC, file), file]))(
    'src/%s imports no framework, infrastructure or interface',
    (_, file) => {
      const problems = importsOf(file!).flatMap((specifier) => {
        const reason = violation(specifier);
        return reason ? [`${specifier}: ${reason}`] : [];
      });
      expect(problems).toEqual([]);
    },
  );

  it('recognises a violation', () => {
    expect(violation('../infrastructure/product.table.js')).toBeDefined();
    expect(violation('../../_core/interface/app.js')).toBeDefined();
    expect(violation('@hono/zod-openapi')).toBeDefined();
    expect(violation('zod')).toBeDefined();
    expect(violation('hono/http-exception')).toBeDefined();
    expect(violation('./product.entity.js')).toBeUndefined();
  });
});
