import pc from 'picocolors';

import { BASE_DIR } from '../generate/base-store.js';
import type { ApplySummary } from '../plan/index.js';

/** The `--json` result of a command that changes files (DESIGN.md: one object, nothing else). */
export function printJsonResult(summary: ApplySummary, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ ok: true, ...summary, errors: [], ...extra })}\n`);
}

/**
 * The human summary: one line per path, grouped by what happened to it. The merge bases under
 * `.layered/base/` are one line: they mirror the files listed above them.
 */
export function printSummary(summary: ApplySummary): void {
  const isBase = (file: string): boolean => file.startsWith(`${BASE_DIR}/`);
  const bases = [...summary.created, ...summary.modified, ...summary.removed].filter(isBase).length;
  const lines = [
    ...summary.created.filter((file) => !isBase(file)).map((file) => `${pc.green('create')} ${file}`),
    ...summary.modified.filter((file) => !isBase(file)).map((file) => `${pc.yellow('update')} ${file}`),
    ...summary.removed.filter((file) => !isBase(file)).map((file) => `${pc.red('remove')} ${file}`),
    ...(bases > 0 ? [`${pc.dim('record')} ${BASE_DIR}/ (${bases} merge base${bases > 1 ? 's' : ''})`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
