import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { LayeredError } from '../errors.js';
import { sha256 } from '../plan/hash.js';
import { compile } from './handlebars.js';
import { assertOverridesParse, handlebarsErrorLine, OVERRIDES_DIR } from './overrides.js';

/** Any object: an interface such as `DomainView` has no index signature, and Handlebars needs none. */
export type TemplateVars = object;

/** One rendered output file, keyed by its project-relative POSIX path. */
export interface RenderedFile {
  path: string;
  content: string;
  /** Template that produced it, relative to the template root (for errors and the manifest). */
  template: string;
  /** The sha256 of the template's source (the override's, when one produced it). */
  sourceSha256: string;
  /** Set when the project's override (`.layered/templates/<template>`) produced it. */
  override?: { path: string; sha256: string };
}

export interface RenderTemplateTreeOptions {
  /**
   * A folder of overrides (the project's `.layered/templates/`): a file there at a template's
   * relative path is rendered instead of the built-in. Overrides are validated before anything
   * is returned: a render error names the override and its line, and a `.ts` output that does
   * not parse is refused with the line of the rendered file.
   */
  overrideRoot?: string | undefined;
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
export async function renderTemplateTree(root: string, vars: TemplateVars, options: RenderTemplateTreeOptions = {}): Promise<RenderedFile[]> {
  const templates = await listTemplates(root);
  const { overrideRoot } = options;
  const overrides = new Set(overrideRoot === undefined ? [] : await listTemplates(overrideRoot));
  const files = await Promise.all(
    templates.map(async (template): Promise<RenderedFile> => {
      const overridden = overrideRoot !== undefined && overrides.has(template);
      const source = await readFile(path.join(overridden ? overrideRoot : root, template), 'utf8');
      const label = overridden ? `${OVERRIDES_DIR}/${template}` : template;
      const isTemplate = template.endsWith('.hbs');
      return {
        template,
        path: await outputPath(template, vars),
        content: isTemplate ? await renderOne(label, source, vars) : source,
        sourceSha256: sha256(source),
        ...(overridden ? { override: { path: label, sha256: sha256(source) } } : {}),
      };
    }),
  );
  await assertOverridesParse(files.map((file) => ({ ...file, override: file.override?.path })));
  return files;
}

async function outputPath(template: string, vars: TemplateVars): Promise<string> {
  const rendered = await renderOne(template, template, vars);
  return rendered
    .replace(/\.hbs$/, '')
    .split('/')
    .map((segment) => (segment.startsWith('dot_') ? `.${segment.slice('dot_'.length)}` : segment))
    .join('/');
}

async function renderOne(template: string, source: string, vars: TemplateVars): Promise<string> {
  try {
    const delegate = await compile(source);
    return delegate(vars);
  } catch (error) {
    const line = handlebarsErrorLine(error);
    const at = line === undefined ? '' : ` (line ${line})`;
    throw new LayeredError('TEMPLATE_RENDER_FAILED', `Template ${template}${at} failed to render: ${(error as Error).message}`, {
      hint: 'Fix the template (a missing variable or a syntax error), then run the command again.',
      exitCode: 1,
      file: template,
      cause: error,
    });
  }
}
