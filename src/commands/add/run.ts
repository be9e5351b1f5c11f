import { LayeredError } from '../../errors.js';
import type { Plan } from '../../features/feature.js';
import { findProject } from '../../project.js';
import { finishPlan } from '../finish-plan.js';

export interface AddOptions {
  dryRun?: boolean;
  json?: boolean;
  cwd: string;
}

/** Each feature's planner, loaded only when asked for. */
const FEATURES: Record<string, () => Promise<Plan>> = {
  jobs: async () => (await import('../../features/jobs/plan-jobs.js')).planJobs,
};

export async function runAdd(feature: string, options: AddOptions): Promise<void> {
  const load = Object.hasOwn(FEATURES, feature) ? FEATURES[feature] : undefined;
  if (!load) {
    throw new LayeredError('UNKNOWN_FEATURE', `There is no feature "${feature}".`, {
      hint: `Features: ${Object.keys(FEATURES).sort().join(', ')} (e.g. \`layered add jobs\`).`,
    });
  }
  const project = await findProject(options.cwd);
  const { tree, next } = await (await load())(project);
  const summary = await finishPlan(tree, options);
  if (summary && !options.json) process.stdout.write(`\nAdded ${feature}. Next: ${next}\n`);
}
