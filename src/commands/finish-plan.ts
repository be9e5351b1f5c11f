import { ExitCode, type LayeredError } from '../errors.js';
import { applyChanges, conflictError, type ApplySummary, type Tree } from '../plan/index.js';
import { printJsonResult, printSummary } from './report.js';

export interface FinishOptions {
  dryRun?: boolean;
  json?: boolean;
}

/**
 * The last step every changing command shares: a dry run prints the plan (and exits as the real
 * run would), otherwise conflicts (or the command's `refusal`, such as overlapping hand edits)
 * stop it and the plan is applied all-or-nothing.
 * Returns the summary when files were written.
 */
export async function finishPlan(tree: Tree, options: FinishOptions, refusal?: LayeredError): Promise<ApplySummary | undefined> {
  const changes = tree.changes();
  const conflicts = tree.conflicts();
  const errors: LayeredError[] = [...(conflicts.length > 0 ? [conflictError(conflicts)] : []), ...(refusal ? [refusal] : [])];
  if (options.dryRun) {
    // The diff library is only needed to show a plan, not to apply one.
    const { planToJson, renderPlan } = await import('../plan/diff.js');
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ok: errors.length === 0, ...planToJson(changes), errors: errors.map((e) => e.toJSON()) })}\n`);
    } else {
      process.stdout.write(renderPlan(changes, { conflicts }));
      for (const error of errors.filter((e) => e === refusal)) process.stdout.write(`\n${error.message}\n${error.hint ?? ''}\n`);
    }
    if (errors.length > 0) process.exitCode = ExitCode.Conflict;
    return undefined;
  }
  if (errors[0]) throw errors[0];
  const summary = await applyChanges(tree.root, changes);
  if (options.json) printJsonResult(summary);
  else printSummary(summary);
  return summary;
}
