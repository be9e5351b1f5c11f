import { describe, expect, it } from 'vitest';

import type { Change } from '../../src/plan/change.js';
import { planToJson, renderPlan, unifiedDiff } from '../../src/plan/diff.js';

const changes: Change[] = [
  { kind: 'delete', path: 'src/legacy/old.ts', original: 'old\n' },
  {
    kind: 'modify',
    path: 'src/server/container.ts',
    original: 'import a from "./a.js";\n\nexport function register(): void {\n  a();\n}\n',
    content: 'import a from "./a.js";\nimport product from "./product.js";\n\nexport function register(): void {\n  a();\n  product();\n}\n',
  },
  { kind: 'create', path: 'src/product/product.ts', content: 'export type Product = {};\n' },
  { kind: 'create', path: 'src/product/b.ts', content: 'é\n' },
];

describe('renderPlan', () => {
  it('lists creates, then modifies with a unified diff, then deletes', () => {
    expect(renderPlan(changes, { color: false })).toBe(
      [
        'CREATE src/product/b.ts (3 bytes)',
        'CREATE src/product/product.ts (26 bytes)',
        'UPDATE src/server/container.ts',
        '--- a/src/server/container.ts',
        '+++ b/src/server/container.ts',
        '@@ -1,5 +1,7 @@',
        ' import a from "./a.js";',
        '+import product from "./product.js";',
        ' ',
        ' export function register(): void {',
        '   a();',
        '+  product();',
        ' }',
        'DELETE src/legacy/old.ts',
        '',
      ].join('\n'),
    );
  });

  it('shows a change to the final newline', () => {
    expect(unifiedDiff('a.txt', 'x\n', 'x')).toEqual([
      '--- a/a.txt',
      '+++ b/a.txt',
      '@@ -1,1 +1,1 @@',
      '-x',
      '+x',
      '\\ No newline at end of file',
    ]);
  });

  it('lists conflicts after the changes', () => {
    expect(renderPlan([], { color: false, conflicts: [{ path: 'src/a.ts', reason: 'exists' }] })).toBe('CONFLICT src/a.ts already exists\n');
  });

  it('says so when there is nothing to do', () => {
    expect(renderPlan([], { color: false })).toBe('No changes.\n');
  });

  it('colours kinds and diff lines when asked, and the text stays the same underneath', () => {
    const coloured = renderPlan(changes, { color: true });
    expect(coloured).toContain('\u001b[32mCREATE\u001b[39m src/product/b.ts');
    expect(coloured).toContain('\u001b[32m+  product();\u001b[39m');
    expect(coloured).toContain('\u001b[31mDELETE\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderPlan(changes, { color: false }));
  });
});

describe('planToJson', () => {
  it('groups paths by kind, sorted', () => {
    expect(planToJson(changes)).toEqual({
      created: ['src/product/b.ts', 'src/product/product.ts'],
      modified: ['src/server/container.ts'],
      removed: ['src/legacy/old.ts'],
    });
  });
});
