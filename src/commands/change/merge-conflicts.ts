import { ExitCode, LayeredError } from '../../errors.js';
import type { FileConflict } from '../../generate/regenerate-domain.js';

/** Overlapping hand edits, refused with each file and its line ranges (exit 2). */
export function mergeConflictError(conflicts: readonly FileConflict[]): LayeredError {
  const lines = conflicts.map(({ path, regions }) => `  ${path}: lines ${regions.map((r) => (r.startLine === r.endLine ? `${r.startLine}` : `${r.startLine}-${r.endLine}`)).join(', ')}`);
  return new LayeredError('MERGE_CONFLICT', `Your edits overlap what layered would write in ${conflicts.length} file${conflicts.length > 1 ? 's' : ''}:\n${lines.join('\n')}`, {
    hint: 'Nothing was written. Move those edits out of the way and run again, or run with --conflicts markers to write both versions and resolve them by hand.',
    exitCode: ExitCode.Conflict,
    file: conflicts[0]?.path,
  });
}
