import { diff3Merge } from 'node-diff3';

/** A region both sides changed differently: its lines (1-based, inclusive) in the file on disk. */
export interface MergeConflict {
  startLine: number;
  endLine: number;
}

export interface MergeResult {
  /** The merged text; where they conflict, git-style markers around both versions. */
  content: string;
  conflicts: MergeConflict[];
}

export const CONFLICT_START = '<<<<<<< yours';
export const CONFLICT_END = '>>>>>>> layered';

/**
 * Merges two edits of one generated file: `ours` (the file on disk, with the user's edits) and
 * `theirs` (the new render), from their common `base` (what layered wrote last time). Lines
 * keep their own endings, so CRLF files stay CRLF. node-diff3 finds the regions; a region only
 * one side changed takes that side, a region both changed the same way is taken once.
 *
 * @example mergeThreeWay(lastRender, onDisk, newRender).conflicts.length === 0
 */
export function mergeThreeWay(base: string, ours: string, theirs: string): MergeResult {
  if (ours === base || ours === theirs) return { content: theirs, conflicts: [] };
  if (theirs === base) return { content: ours, conflicts: [] };
  const blocks = diff3Merge(lines(ours), lines(base), lines(theirs), { excludeFalseConflicts: true });
  const out: string[] = [];
  const conflicts: MergeConflict[] = [];
  for (const block of blocks) {
    if (block.ok) {
      out.push(...block.ok);
      continue;
    }
    if (!block.conflict) continue;
    const { a, aIndex, b } = block.conflict;
    conflicts.push({ startLine: aIndex + 1, endLine: aIndex + Math.max(a.length, 1) });
    const eol = /\r\n$/.test(a[0] ?? b[0] ?? '') ? '\r\n' : '\n';
    out.push(`${CONFLICT_START}${eol}`, ...terminated(a, eol), `=======${eol}`, ...terminated(b, eol), `${CONFLICT_END}${eol}`);
  }
  return { content: out.join(''), conflicts };
}

/** Whether a file still holds conflict markers that a merge wrote. */
export function hasConflictMarkers(content: string): boolean {
  return new RegExp(`^${CONFLICT_START}\\r?$`, 'm').test(content) && new RegExp(`^${CONFLICT_END}\\r?$`, 'm').test(content);
}

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** The last line of a side may lack its newline; inside markers it needs one. */
function terminated(side: string[], eol: string): string[] {
  return side.map((line, i) => (i === side.length - 1 && !line.endsWith('\n') ? `${line}${eol}` : line));
}
