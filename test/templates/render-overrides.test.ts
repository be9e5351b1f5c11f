import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { selectTemplates } from '../../src/commands/templates/eject.js';
import { LayeredError } from '../../src/errors.js';
import { handlebarsErrorLine } from '../../src/render/overrides.js';
import { renderTemplateTree } from '../../src/render/template-tree.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const BUILT_INS: Record<string, string> = {
  'src/{{fileName}}/{{fileName}}.service.ts.hbs': 'export class {{className}}Service {}\n',
  'src/{{fileName}}/{{fileName}}.dto.ts.hbs': 'export const {{fileName}}Schema = 1;\n',
  'docs/{{fileName}}.md.hbs': '# {{className}}\n',
};
const VARS = { fileName: 'product', className: 'Product' };

let builtIn: string;
let overrides: string;

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
}

async function failure(promise: Promise<unknown>): Promise<LayeredError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LayeredError);
  return error as LayeredError;
}

beforeEach(async () => {
  const work = await tempDir('overrides');
  builtIn = path.join(work, 'domain');
  overrides = path.join(work, 'project', '.layered', 'templates');
  await writeTree(builtIn, BUILT_INS);
  await mkdir(overrides, { recursive: true });
});

afterEach(removeTempDirs);

describe('renderTemplateTree with an override root', () => {
  it('renders exactly as before when the override root is empty or absent', async () => {
    const plain = await renderTemplateTree(builtIn, VARS);
    const withEmpty = await renderTemplateTree(builtIn, VARS, { overrideRoot: overrides });

    expect(withEmpty).toEqual(plain);
    expect(plain.map((file) => file.path)).toEqual(['docs/product.md', 'src/product/product.dto.ts', 'src/product/product.service.ts']);
    expect(plain.every((file) => file.override === undefined)).toBe(true);
  });

  it('an override changes exactly its own file and records its path and hash', async () => {
    await writeTree(overrides, { 'src/{{fileName}}/{{fileName}}.service.ts.hbs': '/** Ours. */\nexport class {{className}}Service {}\n' });
    const plain = await renderTemplateTree(builtIn, VARS);

    const files = await renderTemplateTree(builtIn, VARS, { overrideRoot: overrides });

    const changed = files.filter((file, i) => file.content !== plain[i]?.content).map((file) => file.path);
    expect(changed).toEqual(['src/product/product.service.ts']);
    expect(files.find((file) => file.path === 'src/product/product.service.ts')).toMatchObject({
      content: '/** Ours. */\nexport class ProductService {}\n',
      override: { path: '.layered/templates/src/{{fileName}}/{{fileName}}.service.ts.hbs', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string },
    });
  });

  it('ignores an override that matches no built-in path', async () => {
    await writeTree(overrides, { 'src/{{fileName}}/typo.ts.hbs': 'nonsense {{' });

    const files = await renderTemplateTree(builtIn, VARS, { overrideRoot: overrides });

    expect(files).toEqual(await renderTemplateTree(builtIn, VARS));
  });

  it('refuses an override that fails to parse as Handlebars, naming the override and its line', async () => {
    await writeTree(overrides, { 'src/{{fileName}}/{{fileName}}.dto.ts.hbs': 'export const a = 1;\n\n{{#if fileName}}\nexport const b = 2;\n' });

    const error = await failure(renderTemplateTree(builtIn, VARS, { overrideRoot: overrides }));

    expect(error.code).toBe('TEMPLATE_RENDER_FAILED');
    expect(error.exitCode).toBe(1);
    expect(error.file).toBe('.layered/templates/src/{{fileName}}/{{fileName}}.dto.ts.hbs');
    expect(error.message).toContain('.layered/templates/src/{{fileName}}/{{fileName}}.dto.ts.hbs (line 5)');
  });

  it('refuses an override that uses a variable the templates do not have, with its line', async () => {
    await writeTree(overrides, { 'docs/{{fileName}}.md.hbs': '# {{className}}\n\n{{tableNmae}}\n' });

    const error = await failure(renderTemplateTree(builtIn, VARS, { overrideRoot: overrides }));

    expect(error.message).toContain('.layered/templates/docs/{{fileName}}.md.hbs (line 3)');
    expect(error.message).toContain('tableNmae');
  });

  it('refuses an override whose TypeScript output does not parse, with the line of the rendered file', async () => {
    await writeTree(overrides, { 'src/{{fileName}}/{{fileName}}.service.ts.hbs': 'export class {{className}}Service {\n  run() {\n    return = 1;\n  }\n}\n' });

    const error = await failure(renderTemplateTree(builtIn, VARS, { overrideRoot: overrides }));

    expect(error.code).toBe('TEMPLATE_OVERRIDE_INVALID_TS');
    expect(error.exitCode).toBe(1);
    expect(error.file).toBe('.layered/templates/src/{{fileName}}/{{fileName}}.service.ts.hbs');
    expect(error.message).toContain('renders src/product/product.service.ts, which is not valid TypeScript: line 3:');
    expect(error.message).toContain('3 |     return = 1;');
  });

  it('does not parse overrides of non-TypeScript files, nor built-ins', async () => {
    await writeTree(overrides, { 'docs/{{fileName}}.md.hbs': 'const = ;\n' });

    const files = await renderTemplateTree(builtIn, VARS, { overrideRoot: overrides });

    expect(files.find((file) => file.path === 'docs/product.md')?.content).toBe('const = ;\n');
  });
});

describe('handlebarsErrorLine', () => {
  it('reads the line of runtime errors and of parse errors', () => {
    expect(handlebarsErrorLine({ lineNumber: 7, message: 'x' })).toBe(7);
    expect(handlebarsErrorLine(new Error('Parse error on line 12:\n...'))).toBe(12);
    expect(handlebarsErrorLine(new Error('something else'))).toBeUndefined();
  });
});

describe('selectTemplates (eject arguments)', () => {
  const builtIns = Object.keys(BUILT_INS).sort();

  it('takes a template path with or without .hbs, or a folder', () => {
    expect(selectTemplates(builtIns, ['docs/{{fileName}}.md'])).toEqual(['docs/{{fileName}}.md.hbs']);
    expect(selectTemplates(builtIns, ['./src/{{fileName}}/'])).toEqual(['src/{{fileName}}/{{fileName}}.dto.ts.hbs', 'src/{{fileName}}/{{fileName}}.service.ts.hbs']);
  });

  it('refuses a path that is no template, with exit 1', () => {
    expect(() => selectTemplates(builtIns, ['src/nope.ts'])).toThrow(expect.objectContaining({ code: 'TEMPLATE_UNKNOWN', exitCode: 1 }) as Error);
  });
});
