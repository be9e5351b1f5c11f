import path from 'node:path';

import { templatesRoot } from '../package-info.js';
import { hasFeature, type Project } from '../project.js';
import { domainView } from '../render/domain-view.js';
import { overrideRoot } from '../render/overrides.js';
import { renderTemplateTree, type RenderedFile } from '../render/template-tree.js';
import type { DomainSpec } from '../spec/index.js';

export interface RenderDomainOptions {
  /** The create migration's name (without `.ts`), which the migration template and tests use. */
  migrationName: string;
  tests: boolean;
  /** Leaves the create migration out: once it exists, a domain changes by new migrations. */
  migration: boolean;
}

/**
 * Renders a domain's templates (the project's overrides first) at their project paths, not yet
 * formatted. `new`, `change` and `sync` all start here, so every domain is made one way.
 */
export async function renderDomain(project: Project, spec: DomainSpec, options: RenderDomainOptions): Promise<RenderedFile[]> {
  const view = domainView(spec, { migrationName: options.migrationName });
  const overrides = { overrideRoot: await overrideRoot(project.root) };
  const trees = [renderTemplateTree(path.join(templatesRoot, 'domain'), view, overrides)];
  // Feature trees hold the domain files a feature adds (jobs: the consumer), at the same relative paths.
  if (hasFeature(project.config, 'jobs')) trees.push(renderTemplateTree(path.join(templatesRoot, 'features', 'jobs', 'domain'), view, overrides));
  const rendered = (await Promise.all(trees)).flat();
  return rendered
    // A template that renders nothing is for other specs (the access tests of a public domain).
    .filter((file) => file.content.trim() !== '')
    .filter((file) => options.tests || !file.path.startsWith('test/'))
    .filter((file) => options.migration || !file.path.startsWith('migrations/'))
    .map((file) => ({ ...file, path: relocate(file.path, project.config.migrations) }));
}

/** Templates write migrations under `migrations/`; the project may keep them elsewhere. */
function relocate(file: string, migrationsDir: string): string {
  return file.startsWith('migrations/') ? `${migrationsDir}/${file.slice('migrations/'.length)}` : file;
}
