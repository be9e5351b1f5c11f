import type { Tree } from '../plan/index.js';
import type { Project } from '../project.js';

/** A project-wide feature for `layered add <name>`: it plans its files and edits in a tree. */
export interface Feature {
  name: string;
  /** Plans everything the feature adds; conflicts are left in `tree.conflicts()`. */
  plan(project: Project): Promise<Tree>;
  /** What to run next, printed after the files are written. */
  next: string;
}
