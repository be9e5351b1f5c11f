import type { Change } from '../../../src/plan/change.js';
import type { FixtureFile } from './project.js';

/** A project and a plan touching every kind of step: nested new folders, modes, a delete that empties its folder. */
export const fixtureFiles: Record<string, FixtureFile> = {
  'package.json': '{ "name": "shop" }\n',
  'README.md': '# shop\r\nWindows line endings stay as they are.\r\n',
  'scripts/run.sh': { content: '#!/bin/sh\necho run\n', mode: 0o755 },
  'src/server/container.ts': 'export function registerModules(): void {\n  // domains\n}\n',
  'src/legacy/old.ts': 'export const old = true;\n',
};

export const fixturePlan: Change[] = [
  { kind: 'modify', path: 'scripts/run.sh', content: '#!/bin/sh\necho run --fast\n', original: '#!/bin/sh\necho run\n' },
  { kind: 'delete', path: 'src/legacy/old.ts', original: 'export const old = true;\n' },
  { kind: 'create', path: 'src/product/domain/product.ts', content: 'export type Product = { id: string };\n' },
  { kind: 'create', path: 'src/product/product.module.ts', content: 'export const productModule = {};\n' },
  {
    kind: 'modify',
    path: 'src/server/container.ts',
    content: "import { productModule } from '../product/product.module.js';\n\nexport function registerModules(): void {\n  // domains\n  productModule;\n}\n",
    original: 'export function registerModules(): void {\n  // domains\n}\n',
  },
  { kind: 'create', path: 'test/product.test.ts', content: "import { test } from 'vitest';\n\ntest.todo('product');\n" },
];
