import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';

import { packageRoot, templatesRoot } from '../../src/package-info.js';
import { sha256 } from '../../src/plan/hash.js';
import { domainView } from '../../src/render/domain-view.js';
import { COMPILE_OPTIONS } from '../../src/render/handlebars.js';
import type * as HandlebarsModule from '../../src/render/handlebars.js';
import { listTemplates } from '../../src/render/template-tree.js';
import { parseDomainSpec } from '../../src/spec/index.js';

// The build (`npm test` builds first) precompiles the built-in templates; from source nothing
// is precompiled, so this reads the build.
let precompiled: Record<string, unknown>;
let builtCompile: typeof HandlebarsModule.compile;

beforeAll(async () => {
  const dist = path.join(packageRoot, 'dist');
  precompiled = ((await import(pathToFileURL(path.join(dist, 'precompiled-templates.js')).href)) as { default: Record<string, unknown> }).default;
  ({ compile: builtCompile } = (await import(pathToFileURL(path.join(dist, 'render', 'handlebars.js')).href)) as typeof HandlebarsModule);
});

describe('precompiled built-in templates', () => {
  it('holds every built-in template and every templated path, and nothing else', async () => {
    const sources = new Set<string>();
    for (const template of await listTemplates(templatesRoot)) {
      sources.add(template.startsWith('features/') ? template.split('/').slice(3).join('/') : template.slice(template.indexOf('/') + 1));
      if (template.endsWith('.hbs')) sources.add(await readFile(path.join(templatesRoot, template), 'utf8'));
    }
    expect(Object.keys(precompiled).sort()).toEqual([...sources].map((source) => sha256(source)).sort());
  });

  it('renders each domain template exactly as compiling it now would, strict lookups included', async () => {
    const spec = await parseDomainSpec({ name: 'order-item', tokens: ['order:ref', 'quantity:int', 'note:text:optional', 'status:enum:values=a,b'] });
    const view = domainView(spec, { migrationName: '20260101000000_create_order_item' });
    const root = path.join(templatesRoot, 'domain');
    for (const template of (await listTemplates(root)).filter((t) => t.endsWith('.hbs'))) {
      const source = await readFile(path.join(root, template), 'utf8');
      expect(precompiled[sha256(source)], template).toBeDefined();
      const render = await builtCompile(source);
      expect(render(view), template).toBe(Handlebars.compile(source, COMPILE_OPTIONS)(view));
      // Non-strict lookups would render an empty view to a near-empty file instead. `guarded`
      // opens the templates that render nothing for a public domain.
      expect(() => render({ guarded: true }), template).toThrow();
    }
  });
});
