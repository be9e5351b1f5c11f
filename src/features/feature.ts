import type { Tree } from '../plan/index.js';
import type { Project } from '../project.js';

/** What `layered add <feature>` applies (all or nothing), and the steps it tells the user next. */
export interface FeaturePlan {
  tree: Tree;
  next: string;
}

/** Plans a feature in memory; refuses (exit 2) when the project has it already. */
export type Plan = (project: Project) => Promise<FeaturePlan>;
