import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import semver from 'semver';

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

/**
 * One line for stderr when the running CLI is not the newest version that wrote the project,
 * so a team notices that its members generate with different versions; undefined otherwise.
 *
 * @example versionDriftNotice('0.2.0', new Set(['0.1.0'])) // 'note  layered 0.2.0 is running; this project was last written by layered 0.1.0 ...'
 */
export function versionDriftNotice(running: string, recorded: Set<string>): string | undefined {
  // A version that is not semver (a hand-edited manifest) says nothing about drift.
  const newest = [...recorded].filter((version) => semver.valid(version)).sort(semver.compare).at(-1);
  if (newest === undefined || newest === running || !semver.valid(running)) return undefined;
  return semver.gt(running, newest)
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
