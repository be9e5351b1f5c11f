import { describe, expect, it } from 'vitest';

import { hasConflictMarkers, mergeThreeWay } from '../../src/merge/three-way.js';

const base = 'class A {\n  a = 1;\n  b = 2;\n}\n\nexport const c = 3;\n';

describe('mergeThreeWay', () => {
  it('takes the new render when the file was never edited', () => {
    const theirs = base.replace('b = 2;', 'b = 2;\n  d = 4;');
    expect(mergeThreeWay(base, base, theirs)).toEqual({ content: theirs, conflicts: [] });
  });

  it('keeps the edit when the render did not change', () => {
    const ours = `${base}// ours\n`;
    expect(mergeThreeWay(base, ours, base)).toEqual({ content: ours, conflicts: [] });
  });

  it('combines an edit and a render change that touch different lines', () => {
    const ours = base.replace('export const c = 3;', 'export const c = 3;\nexport const mine = 5;');
    const theirs = base.replace('  a = 1;', '  a = 1;\n  added = 0;');
    const merged = mergeThreeWay(base, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.content).toBe('class A {\n  a = 1;\n  added = 0;\n  b = 2;\n}\n\nexport const c = 3;\nexport const mine = 5;\n');
  });

  it('takes the same change from both sides once', () => {
    const both = base.replace('b = 2;', 'b = 20;');
    expect(mergeThreeWay(base, both, both).content).toBe(both);
  });

  it('reports an overlap with its lines in the file on disk, and marks both versions', () => {
    const ours = base.replace('  b = 2;', '  b = 2; // tuned');
    const theirs = base.replace('  b = 2;', '  b = 3;');
    const merged = mergeThreeWay(base, ours, theirs);
    expect(merged.conflicts).toEqual([{ startLine: 3, endLine: 3 }]);
    expect(merged.content).toBe('class A {\n  a = 1;\n<<<<<<< yours\n  b = 2; // tuned\n=======\n  b = 3;\n>>>>>>> layered\n}\n\nexport const c = 3;\n');
    expect(hasConflictMarkers(merged.content)).toBe(true);
    expect(hasConflictMarkers(base)).toBe(false);
  });

  it('keeps CRLF line endings, also in markers', () => {
    const crlf = (text: string) => text.replaceAll('\n', '\r\n');
    const merged = mergeThreeWay(crlf(base), crlf(base.replace('b = 2;', 'b = 5;')), crlf(base.replace('b = 2;', 'b = 6;')));
    expect(merged.content).toContain('<<<<<<< yours\r\n  b = 5;\r\n=======\r\n  b = 6;\r\n>>>>>>> layered\r\n');
    expect(merged.content.replaceAll('\r\n', '')).not.toContain('\n');
  });
});
