import { ExitCode, LayeredError } from '../../errors.js';

const IMPORT = "import { registerJobs } from './_core/jobs/jobs.module.js';";
const CALL = 'registerJobs(container);';

/**
 * The server container's text with the jobs module registered: its import after the core's
 * imports, its call right after `const container = createCoreContainer(...)`, in the file's own
 * end of line and indentation; every other byte is kept. A file in another shape is refused
 * with the two lines to add by hand. (`registerJobs` is not named `register<X>Module`, the
 * spelling domain registrations are recognised by, so it is never taken for a domain's.)
 */
export function withJobsRegistered(text: string | null, file: string): string {
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  const lines = text?.split(eol) ?? [];
  // After the core's own imports (the domain imports follow them, sorted by path).
  const lastImport = lines.findLastIndex((line) => /^import .* from ['"]\.\/_core\//.test(line));
  const anchor = lines.findIndex((line) => /^\s*const container = createCoreContainer\(.*\);\s*$/.test(line));
  if (text === null || lastImport < 0 || anchor < 0) {
    throw new LayeredError('HOST_FILE_UNEXPECTED_SHAPE', `${file} ${text === null ? 'is missing' : 'is not in the shape layered init writes (imports from ./_core/, then `const container = createCoreContainer(...)`)'}; jobs cannot register its module there.`, {
      hint: `Add these lines by hand, then run \`layered add jobs\` again (nothing was changed):\n  ${IMPORT}\n  ${CALL}  (after the core container is made)`,
      exitCode: ExitCode.Conflict,
      file,
    });
  }
  if (text.includes(CALL)) return text;
  const indent = /^\s*/.exec(lines[anchor] ?? '')?.[0] ?? '  ';
  lines.splice(anchor + 1, 0, `${indent}${CALL}`);
  lines.splice(lastImport + 1, 0, IMPORT);
  return lines.join(eol);
}
