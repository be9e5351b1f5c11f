import pc from 'picocolors';

import { findingToJson, runChecks, type CheckReport } from '../../check/index.js';
import { ExitCode } from '../../errors.js';
import { findProject } from '../../project.js';
import { printSummary } from '../report.js';
import { fixRegistrations } from './fix.js';

export interface CheckCommandOptions {
  fix?: boolean;
  json?: boolean;
  cwd: string;
}

export async function runCheck(options: CheckCommandOptions): Promise<void> {
  const project = await findProject(options.cwd);
  if (!options.fix) {
    const report = await runChecks(project);
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: report.findings.length === 0, findings: report.findings.map(findingToJson) })}\n`);
    else printReport(report);
    if (report.findings.length > 0) process.exitCode = ExitCode.Conflict;
    return;
  }

  const summary = await fixRegistrations(project);
  const report = await runChecks(project);
  if (options.json) {
    const errors = report.findings.map(findingToJson);
    process.stdout.write(`${JSON.stringify({ ok: errors.length === 0, ...summary, errors })}\n`);
  } else {
    if (summary.modified.length > 0) printSummary(summary);
    printReport(report);
  }
  if (report.findings.length > 0) process.exitCode = ExitCode.Conflict;
}

function printReport({ findings, notes }: CheckReport): void {
  for (const note of notes) process.stderr.write(`${pc.dim('note')}  ${note}\n`);
  if (findings.length === 0) {
    process.stdout.write(`${pc.green('ok')} every domain is wired in, its files exist${notes.length > 0 ? '' : ', the database matches and the project type-checks'}.\n`);
    return;
  }
  for (const finding of findings) {
    process.stdout.write(`${pc.red(finding.code)} ${finding.message}\n  ${pc.dim('fix')} ${finding.hint}\n`);
  }
  process.stdout.write(`\n${findings.length} problem${findings.length > 1 ? 's' : ''} found.${findings.some((f) => f.fixable) ? ' `layered check --fix` repairs the registrations.' : ''}\n`);
}
