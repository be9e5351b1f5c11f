import { ExitCode, LayeredError } from '../../errors.js';
import type { Feature } from '../../features/feature.js';
import { findProject } from '../../project.js';
import { finishPlan } from '../finish-plan.js';

export interface AddOptions {
  dryRun?: boolean;
  json?: boolean;
  cwd: string;
}

/** Each feature plans itself; loaded on use, like the commands. */
const FEATURES: Readonly<Record<string, () => Promise<Feature>>> = {
  auth: async () => (await import('../../features/auth/index.js')).authFeature,
  jobs: async () => (await import('../../features/jobs/plan-jobs.js')).jobsFeature,
};

export async function runAdd(name: string, options: AddOptions): Promise<void> {
  const load = Object.hasOwn(FEATURES, name) ? FEATURES[name] : undefined;
  if (!load) {
    throw new LayeredError('UNKNOWN_FEATURE', `There is no feature "${name}".`, {
      hint: `Features: ${Object.keys(FEATURES).join(', ')}.`,
    });
  }
  const project = await findProject(options.cwd);
  if (project.config.features?.includes(name)) {
    throw new LayeredError('FEATURE_PRESENT', `The project already has ${name} (see .layered/project.json).`, {
      hint: 'There is nothing to add; its files are in the project.',
      exitCode: ExitCode.Conflict,
    });
  }
  const feature = await load();
  const tree = await feature.plan(project);
  const summary = await finishPlan(tree, options);
  if (summary && !options.json) process.stdout.write(`\n${feature.next}\n`);
}
