import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { TemplateDelegate } from 'handlebars';

import { LayeredError } from '../errors.js';
import { compile } from './handlebars.js';

export type TemplateVars = Record<string, unknown>;

/** One rendered output file, keyed by its project-relative POSIX path. */
export interface RenderedFile {
  path: string;
  content: string;
  /** Template that produced it, relative to the template root (for errors and the manifest). */
  template: string;
}

/** Every file under `root`, as sorted POSIX paths relative to it. */
export async function listTemplates(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Renders a template tree: the path of each file is itself a template, `.hbs` files are rendered
 * and lose the suffix, other files are copied as they are, and `dot_x` segments become `.x`
 * (npm strips dotfiles such as `.gitignore` from published packages).
 *
 * @example
 * await renderTemplateTree('templates/domain', { fileName: 'product' });
 * // [{ path: 'src/product/domain/product.service.ts', content: '...', template: '...' }, ...]
 */
export async function renderTemplateTree(root: string, vars: TemplateVars): Promise<RenderedFile[]> {
  const templates = await listTemplates(root);
  return Promise.all(
    templates.map(async (template) => {
      const source = await readFile(path.join(root, template), 'utf8');
      const isTemplate = template.endsWith('.hbs');
      return {
        template,
        path: outputPath(template, vars),
        content: isTemplate ? renderOne(template, source, vars) : source,
      };
    }),
  );
}

function outputPath(template: string, vars: TemplateVars): string {
  const rendered = renderOne(template, template, vars);
  return rendered
    .replace(/\.hbs$/, '')
    .split('/')
    .map((segment) => (segment.startsWith('dot_') ? `.${segment.slice('dot_'.length)}` : segment))
    .join('/');
}

function renderOne(template: string, source: string, vars: TemplateVars): string {
  let delegate: TemplateDelegate;
  try {
    delegate = compile(source);
    return delegate(vars);
  } catch (error) {
    throw new LayeredError('TEMPLATE_RENDER_FAILED', `Template ${template} failed to render: ${(error as Error).message}`, {
      hint: 'Fix the template (a missing variable or a syntax error), then run the command again.',
      exitCode: 1,
      file: template,
      cause: error,
    });
  }
}
