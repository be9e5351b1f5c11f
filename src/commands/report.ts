import pc from 'picocolors';

import type { ApplySummary } from '../plan/index.js';

/** The `--json` result of a command that changes files (DESIGN.md: one object, nothing else). */
export function printJsonResult(summary: ApplySummary, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ ok: true, ...summary, errors: [], ...extra })}\n`);
}

/** The human summary: one line per path, grouped by what happened to it. */
export function printSummary(summary: ApplySummary): void {
  const lines = [
    ...summary.created.map((file) => `${pc.green('create')} ${file}`),
    ...summary.modified.map((file) => `${pc.yellow('update')} ${file}`),
    ...summary.removed.map((file) => `${pc.red('remove')} ${file}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
