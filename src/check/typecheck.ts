import { access } from 'node:fs/promises';
import path from 'node:path';

import { finding, type Finding } from './finding.js';

const SHOWN = 5;
const ERROR_LINE = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/**
 * Type-checks the project with its own compiler (`node_modules/.bin/tsc --noEmit`) and sums up
 * the first errors in one finding. Returns a note instead when the compiler is not installed.
 */
export async function checkTypes(root: string): Promise<{ findings: Finding[]; note?: string }> {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const installed = await access(tsc).then(
    () => true,
    () => false,
  );
  if (!installed) return { findings: [], note: 'types not checked: the project has no node_modules/.bin/tsc (run npm install)' };
  const { execa } = await import('execa');
  const result = await execa(tsc, ['--noEmit', '--pretty', 'false'], { cwd: root, reject: false, stdin: 'ignore', all: true });
  if (result.exitCode === 0) return { findings: [] };
  const output = String(result.all ?? '');
  const errors = output.split('\n').flatMap((line) => {
    const match = ERROR_LINE.exec(line.trim());
    return match ? [{ file: match[1] as string, line: match[2] as string, code: match[4] as string, text: match[5] as string }] : [];
  });
  if (errors.length === 0) {
    const first = output.trim().split('\n')[0] ?? `tsc exited with ${result.exitCode}`;
    return { findings: [finding('TYPECHECK_FAILED', `The project does not type-check: ${first}`, 'Run npm run typecheck and fix what it reports.')] };
  }
  const shown = errors.slice(0, SHOWN).map((e) => `\n  ${e.file}:${e.line} ${e.code} ${e.text}`);
  const more = errors.length > SHOWN ? `\n  ... and ${errors.length - SHOWN} more` : '';
  return {
    findings: [
      finding(
        'TYPECHECK_FAILED',
        `The project does not type-check (${errors.length} error${errors.length > 1 ? 's' : ''}):${shown.join('')}${more}`,
        'Run npm run typecheck to see every error, and fix them (an override or a hand edit of generated code is the usual cause).',
        errors[0]?.file,
      ),
    ],
  };
}
