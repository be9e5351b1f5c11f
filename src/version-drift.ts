import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { cliVersion } from './package-info.js';

/**
 * The versions of `layered` a project's manifests record: `.layered/project.json` (the one
 * that ran `init`) and each `.layered/domains/*.json` (the one that last wrote that domain).
 * Read with a pattern, not parsed: a broken manifest is for the command itself to report.
 * Synchronous on purpose: a hundred small reads take ~2 ms this way and ~20 ms through the
 * thread pool, on a command that has 0.5 s in all.
 */
export function recordedVersions(root: string, projectVersion: string): Set<string> {
  const domains = path.join(root, '.layered', 'domains');
  const versions = new Set([projectVersion]);
  for (const name of readOrNothing(() => readdirSync(domains), [] as string[])) {
    if (!name.endsWith('.json')) continue;
    const text = readOrNothing(() => readFileSync(path.join(domains, name), 'utf8'), '');
    const version = /"cliVersion"\s*:\s*"([^"]+)"/.exec(text)?.[1];
    if (version) versions.add(version);
  }
  return versions;
}

/** A folder or file that cannot be read records no version; the command itself reports it. */
function readOrNothing<T>(read: () => T, nothing: T): T {
  try {
    return read();
  } catch {
    return nothing;
  }
}

/** Orders `1.2.10` after `1.2.9`; a pre-release sorts before its release (`1.0.0-rc.1` < `1.0.0`). */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i += 1) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/**
 * One line for stderr when the running CLI is not the newest version that wrote the project,
 * so a team notices that its members generate with different versions; undefined otherwise.
 *
 * @example versionDriftNotice('0.2.0', new Set(['0.1.0'])) // 'note  layered 0.2.0 is running; this project was last written by layered 0.1.0 ...'
 */
export function versionDriftNotice(running: string, recorded: Set<string>): string | undefined {
  const newest = [...recorded].sort(compareVersions).at(-1);
  if (newest === undefined || newest === running) return undefined;
  return compareVersions(running, newest) > 0
    ? `note  layered ${running} is running; this project was last written by layered ${newest} (.layered/), so what it writes now may differ from the rest.`
    : `note  layered ${running} is running, older than the ${newest} that last wrote this project (.layered/): update it, or run the project's own with npx layered.`;
}

/** Prints the drift notice once per process; called where a command finds its project. */
export function warnOnVersionDrift(root: string, projectVersion: string): void {
  if (warned) return;
  warned = true;
  const notice = versionDriftNotice(cliVersion(), recordedVersions(root, projectVersion));
  if (notice) process.stderr.write(`${notice}\n`);
}

let warned = false;
