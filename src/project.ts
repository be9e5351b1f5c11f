import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { ExitCode, LayeredError } from './errors.js';
import { warnOnVersionDrift } from './version-drift.js';

export const MARKER = '.layered/project.json';

const projectConfigSchema = z.object({
  formatVersion: z.literal(1),
  cliVersion: z.string(),
  serverContainer: z.string(),
  bootstrap: z.string(),
  migrations: z.string(),
  /** Project-wide features added by `layered add` (`auth`, `jobs`). */
  features: z.array(z.string()).optional(),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;

export interface Project {
  root: string;
  config: ProjectConfig;
}

/**
 * Finds the project that holds `cwd` by walking up to `.layered/project.json`.
 *
 * @example const { root, config } = await findProject(process.cwd());
 */
export async function findProject(cwd: string): Promise<Project> {
  let dir = path.resolve(cwd);
  for (;;) {
    const text = await readFile(path.join(dir, MARKER), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (text !== undefined) {
      const config = parseConfig(text, path.join(dir, MARKER));
      warnOnVersionDrift(dir, config.cliVersion);
      return { root: dir, config };
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new LayeredError('NOT_A_LAYERED_PROJECT', `${path.resolve(cwd)} is not inside a layered project (no ${MARKER} found above it).`, {
    hint: 'Run the command inside a project made by `layered init`, or point at one with --cwd <dir>.',
    exitCode: ExitCode.Conflict,
  });
}

function parseConfig(text: string, file: string): ProjectConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LayeredError('PROJECT_CONFIG_INVALID', `${file} is not valid JSON: ${(error as Error).message}`, {
      hint: 'Restore the file from version control, or re-create it as `layered init` writes it.',
      exitCode: ExitCode.Conflict,
      file,
    });
  }
  const parsed = projectConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LayeredError('PROJECT_CONFIG_INVALID', `${file}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}.`, {
      hint: 'Restore the file from version control, or re-create it as `layered init` writes it.',
      exitCode: ExitCode.Conflict,
      file,
    });
  }
  return parsed.data;
}

/** Whether `layered add <feature>` has turned `feature` on. */
export function hasFeature(config: ProjectConfig, feature: string): boolean {
  return config.features?.includes(feature) ?? false;
}

/** Names of the domains the project holds, from their manifests (`.layered/domains/*.json`). */
export async function listDomains(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, '.layered', 'domains')).catch((error: NodeJS.ErrnoException) => {
    // No domains folder yet is an empty project; anything else (EACCES, EIO) must surface.
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return entries.filter((entry) => entry.endsWith('.json')).map((entry) => entry.slice(0, -'.json'.length)).sort();
}
