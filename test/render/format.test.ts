import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { templatesRoot } from '../../src/package-info.js';
import { domainView } from '../../src/render/domain-view.js';
import { formatFiles } from '../../src/render/format.js';
import { renderTemplateTree, type RenderedFile } from '../../src/render/template-tree.js';
import { parseDomainSpec } from '../../src/spec/index.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const SPECS = path.resolve(import.meta.dirname, '../../fixtures/specs/valid');

let root: string;
let config: prettier.Options;

afterAll(removeTempDirs);

beforeAll(async () => {
  root = await tempDir('format');
  const rc = await readFile(path.join(templatesRoot, 'project', 'dot_prettierrc.json'), 'utf8');
  await writeFile(path.join(root, '.prettierrc.json'), rc);
  config = JSON.parse(rc) as prettier.Options;
});

async function renderDomain(specFile: string): Promise<RenderedFile[]> {
  const spec = await parseDomainSpec({ specFile: path.join(SPECS, specFile) });
  return renderTemplateTree(path.join(templatesRoot, 'domain'), domainView(spec, { migrationName: '20260101000000_create' }));
}

describe('formatFiles', () => {
  it.each(['product.yaml', 'order-item.json', 'category.yml'])(
    "prints a domain's files (%s) exactly as prettier's default TypeScript parser would",
    async (specFile) => {
      const rendered = await renderDomain(specFile);
      const formatted = await formatFiles(root, rendered);
      const byTypescript = await Promise.all(rendered.map((file) => prettier.format(file.content, { ...config, parser: 'typescript' })));
      expect(formatted.map((file) => file.content)).toEqual(byTypescript);
      // The files really were reformatted, with the project's config (printWidth, quotes).
      expect(formatted.map((file) => file.content)).not.toEqual(rendered.map((file) => file.content));
    },
  );

  it('falls back to the TypeScript parser for code babel-ts refuses', async () => {
    const content = 'class A {  declare readonly x : number = 1 }';
    await expect(prettier.format(content, { parser: 'babel-ts' })).rejects.toThrow();
    const [file] = await formatFiles(root, [{ path: 'src/a.ts', content }]);
    expect(file?.content).toBe('class A {\n  declare readonly x: number = 1;\n}\n');
  });

  it("reports code that no parser accepts with the TypeScript parser's message", async () => {
    await expect(formatFiles(root, [{ path: 'src/a.ts', content: 'const = ;' }])).rejects.toThrow(/Variable declaration expected. \(1:7\)/);
  });

  it('keeps the fields it does not format and leaves other extensions as they are', async () => {
    const files = [
      { path: 'src/a.ts', content: "export const a = {b:1}", template: 'a.ts.hbs' },
      { path: 'Dockerfile', content: 'FROM node:20   \n', template: 'Dockerfile' },
    ];
    expect(await formatFiles(root, files)).toEqual([
      { path: 'src/a.ts', content: "export const a = { b: 1 };\n", template: 'a.ts.hbs' },
      { path: 'Dockerfile', content: 'FROM node:20   \n', template: 'Dockerfile' },
    ]);
  });
});
