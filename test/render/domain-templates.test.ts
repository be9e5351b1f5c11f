import { readFile } from 'node:fs/promises';
import path from 'node:path';

import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

import { templatesRoot } from '../../src/package-info.js';
import { domainView } from '../../src/render/domain-view.js';
import { renderTemplateTree, type RenderedFile } from '../../src/render/template-tree.js';
import { parseDomainSpec } from '../../src/spec/index.js';

const SPECS = path.resolve(import.meta.dirname, '../../fixtures/specs/valid');
const MIGRATION = '20261123193000_create';
const FRAMEWORKS = ['hono', '@hono/', 'kysely', 'zod', 'tsyringe', 'better-sqlite3', 'mysql2', 'pino'];

const fixtures = [
  { spec: 'product.yaml', domain: 'product', table: 'product' },
  { spec: 'order-item.json', domain: 'order-item', table: 'order_item' },
  { spec: 'category.yml', domain: 'category', table: 'category' },
];

/** What `layered new` writes: the rendered tree, formatted with the project's prettier config. */
async function generate(specFile: string): Promise<RenderedFile[]> {
  const spec = await parseDomainSpec({ specFile: path.join(SPECS, specFile) });
  const names = spec.name.replaceAll('-', '_');
  const rendered = await renderTemplateTree(path.join(templatesRoot, 'domain'), domainView(spec, { migrationName: `${MIGRATION}_${names}` }));
  const config = JSON.parse(await readFile(path.join(templatesRoot, 'project', 'dot_prettierrc.json'), 'utf8')) as prettier.Options;
  // As renderDomain does: a template that renders nothing is for other specs.
  const written = rendered.filter((file) => file.content.trim() !== '');
  return Promise.all(written.map(async (file) => ({ ...file, content: await prettier.format(file.content, { ...config, filepath: file.path }) })));
}

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => (m[1] ?? m[2])!);
}

describe.each(fixtures)('domain templates for $spec', ({ spec, domain, table }) => {
  it('writes exactly the domain files', async () => {
    const files = await generate(spec);
    expect(files.map((file) => file.path).sort()).toEqual(
      [
        `migrations/${MIGRATION}_${table}.ts`,
        `src/${domain}/application/${domain}.use-case.ts`,
        `src/${domain}/domain/${domain}.entity.ts`,
        `src/${domain}/domain/${domain}.repository.ts`,
        `src/${domain}/domain/${domain}.service.ts`,
        `src/${domain}/infrastructure/${domain}.kysely-repository.ts`,
        `src/${domain}/infrastructure/${domain}.module.ts`,
        `src/${domain}/infrastructure/${domain}.table.ts`,
        `src/${domain}/interface/${domain}.dto.ts`,
        `src/${domain}/interface/${domain}.router.ts`,
        `src/${domain}/main.ts`,
        `test/${domain}/${domain}.fixtures.ts`,
        `test/${domain}/${domain}.http.test.ts`,
        `test/${domain}/${domain}.service.test.ts`,
      ].sort(),
    );
  });

  it('matches the reviewed snapshots', async () => {
    for (const file of await generate(spec)) {
      await expect(file.content).toMatchFileSnapshot(`__snapshots__/${path.parse(spec).name}/${file.path}.snap`);
    }
  });

  it('ends every relative import with .js', async () => {
    for (const file of await generate(spec)) {
      const bad = importsOf(file.content).filter((specifier) => specifier.startsWith('.') && !specifier.endsWith('.js'));
      expect(bad, file.path).toEqual([]);
    }
  });

  it('keeps frameworks out of domain/', async () => {
    for (const file of (await generate(spec)).filter((f) => f.path.includes('/domain/'))) {
      const frameworks = importsOf(file.content).filter((specifier) => FRAMEWORKS.some((name) => specifier === name || specifier.startsWith(name.endsWith('/') ? name : `${name}/`)));
      const layers = importsOf(file.content).filter((specifier) => /\/(infrastructure|interface)\//.test(specifier));
      expect([...frameworks, ...layers], file.path).toEqual([]);
    }
  });

  it('is prettier-clean as written, and holds no template leftovers', async () => {
    const config = JSON.parse(await readFile(path.join(templatesRoot, 'project', 'dot_prettierrc.json'), 'utf8')) as prettier.Options;
    for (const file of await generate(spec)) {
      expect(await prettier.check(file.content, { ...config, filepath: file.path }), file.path).toBe(true);
      expect(file.content, file.path).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
    }
  });
});

describe('domain templates behind auth', () => {
  it.each(['user', 'admin', 'owner'] as const)('--access %s guards every route and adds its access tests', async (access) => {
    const spec = { ...(await parseDomainSpec({ specFile: path.join(SPECS, 'product.yaml') })), access };
    const rendered = await renderTemplateTree(path.join(templatesRoot, 'domain'), domainView(spec, { migrationName: `${MIGRATION}_product` }));
    const config = JSON.parse(await readFile(path.join(templatesRoot, 'project', 'dot_prettierrc.json'), 'utf8')) as prettier.Options;
    for (const file of rendered.filter((f) => /router\.ts$|access\.test\.ts$|main\.ts$|entity\.ts$|repository\.ts$|fixtures\.ts$|^migrations\//.test(f.path) && f.content.trim() !== '')) {
      const content = await prettier.format(file.content, { ...config, filepath: file.path });
      await expect(content).toMatchFileSnapshot(`__snapshots__/product-${access}/${file.path}.snap`);
    }
  });
});
