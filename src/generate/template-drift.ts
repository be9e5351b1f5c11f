import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Manifest } from '../manifest.js';
import { cliVersion, templatesRoot } from '../package-info.js';
import { sha256 } from '../plan/index.js';
import { OVERRIDES_DIR } from '../render/overrides.js';

/** Where built-in domain templates live, under `templates/`. */
const DOMAIN_TEMPLATE_ROOTS = ['domain', path.join('features', 'jobs', 'domain')];

/**
 * Which templates of a domain changed since they rendered its files: an override added,
 * edited or removed, a built-in template edited, or another CLI version (whose code renders
 * differently even from the same template). `sync` re-renders exactly these; `check` reports them.
 */
export class TemplateDrift {
  readonly #root: string;
  readonly #sources = new Map<string, Promise<string | undefined>>();

  constructor(projectRoot: string) {
    this.#root = projectRoot;
  }

  /** The templates (paths under `templates/domain/`) whose output for this domain is out of date. */
  async staleTemplates(manifest: Manifest): Promise<string[]> {
    const stale: string[] = [];
    for (const file of manifest.files) {
      if (manifest.migrations.includes(file.path)) continue;
      if (await this.#isStale(file, manifest.cliVersion)) stale.push(file.template);
    }
    return stale;
  }

  async #isStale(file: Manifest['files'][number], madeBy: string): Promise<boolean> {
    const override = await this.#hash(path.join(this.#root, OVERRIDES_DIR, file.template));
    const origin = file.origin ?? { kind: 'built-in' as const, cliVersion: madeBy };
    if (origin.kind === 'override') return override !== origin.sha256;
    if (override !== undefined || origin.cliVersion !== cliVersion()) return true;
    return origin.sha256 !== undefined && origin.sha256 !== (await this.#builtIn(file.template));
  }

  /** A built-in domain template's hash: the domain tree's, or a feature's (the jobs consumer). */
  async #builtIn(template: string): Promise<string | undefined> {
    for (const root of DOMAIN_TEMPLATE_ROOTS) {
      const hash = await this.#hash(path.join(templatesRoot, root, template));
      if (hash !== undefined) return hash;
    }
    return undefined;
  }

  #hash(file: string): Promise<string | undefined> {
    let hash = this.#sources.get(file);
    if (!hash) {
      hash = readFile(file, 'utf8').then(sha256, () => undefined);
      this.#sources.set(file, hash);
    }
    return hash;
  }
}
