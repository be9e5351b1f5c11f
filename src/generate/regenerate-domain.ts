import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { MANIFEST_FORMAT, type Manifest } from '../manifest.js';
import { cliVersion } from '../package-info.js';
import { sha256, type Tree } from '../plan/index.js';
import type { Project } from '../project.js';
import type { Formatter } from '../render/formatter.js';
import { templateOrigin } from '../render/overrides.js';
import type { RenderedFile } from '../render/template-tree.js';
import { ExitCode, LayeredError } from '../errors.js';
import { hasConflictMarkers, mergeThreeWay, type MergeConflict } from '../merge/three-way.js';
import type { DomainSpec } from '../spec/index.js';
import { deleteBase, readBase, writeBase } from './base-store.js';
import { manifestEntry } from './plan-domain.js';
import { renderDomain } from './render-domain.js';

export type ConflictMode = 'refuse' | 'markers';

export interface RegenerateOptions {
  previous: Manifest;
  spec: DomainSpec;
  formatter: Formatter;
  conflicts: ConflictMode;
}

export interface FileConflict {
  path: string;
  regions: MergeConflict[];
}

export interface Regenerated {
  /** Manifest entries of the domain's files (not its migrations). */
  files: Manifest['files'];
  /** Files whose hand edits overlap the new render. */
  conflicts: FileConflict[];
  /** With `--conflicts markers`: the files written with conflict markers. */
  markers: string[];
}

/**
 * Re-renders every file of a domain and merges it into the file on disk: base = what layered
 * generated last time (stored under `.layered/base/`), ours = the file on disk, theirs = the new
 * render. Unedited files are replaced, edited ones get both sets of changes, overlaps are
 * conflicts: refused (nothing planned for that file) or written with markers.
 */
export async function regenerateDomain(project: Project, tree: Tree, options: RegenerateOptions): Promise<Regenerated> {
  const { previous } = options;
  const unresolved = (previous.conflicts ?? []).filter((file) => hasConflictMarkers(tree.read(file) ?? ''));
  if (unresolved.length > 0) {
    throw new LayeredError('MERGE_CONFLICT_UNRESOLVED', `${previous.spec.name} still has conflict markers from its last merge in ${unresolved.join(', ')}.`, {
      hint: 'Resolve them first (layered check lists them); a merge on top of markers would bury them.',
      exitCode: ExitCode.Conflict,
      file: unresolved[0],
    });
  }
  const render = (spec: DomainSpec): Promise<RenderedFile[]> =>
    renderDomain(project, spec, {
      migrationName: path.posix.basename(previous.migrations[0] ?? '', '.ts'),
      tests: previous.files.some((file) => file.path.startsWith('test/')),
      migration: false,
    });
  // The old spec's render: compared with the new one to skip formatting, and, in a project made
  // before merge bases were stored, formatted to stand in for them.
  const previousRender = lazy(() => render(previous.spec));
  const theirs = await formatChanged(project, tree, await render(options.spec), options, previousRender);
  const legacy = lazy(async () => new Map((await options.formatter.format(project.root, await previousRender())).map((file) => [file.path, file.content])));

  const result: Regenerated = { files: [], conflicts: [], markers: [] };
  for (const file of theirs) {
    result.files.push(manifestEntry(file));
    const before = previous.files.find((entry) => entry.path === file.path);
    const ours = tree.read(file.path);
    const stored = readBase(tree, file.path);
    writeBase(tree, file.path, file.content);
    if (ours === null) {
      // A file the user deleted stays deleted (check reports it); a new template's file is created.
      if (!before) tree.create(file.path, file.content);
      continue;
    }
    const base = stored ?? (before && sha256(ours) === before.sha256 ? ours : ((await legacy()).get(file.path) ?? ''));
    const merged = mergeThreeWay(base, ours, file.content);
    if (merged.conflicts.length > 0) {
      result.conflicts.push({ path: file.path, regions: merged.conflicts });
      if (options.conflicts === 'refuse') continue;
      result.markers.push(file.path);
    }
    if (merged.content !== ours) tree.modify(file.path, merged.content);
  }
  // Files the templates no longer produce: removed when unedited, left to the user otherwise.
  for (const entry of previous.files) {
    if (previous.migrations.includes(entry.path) || theirs.some((file) => file.path === entry.path)) continue;
    const ours = tree.read(entry.path);
    if (ours !== null && sha256(ours) === entry.sha256) tree.delete(entry.path);
    deleteBase(tree, entry.path);
  }
  return result;
}

/**
 * The formatted new render. Prettier is most of a run's time, so a file whose template and CLI
 * are the ones that made its base, and whose unformatted render is the same as the last one
 * (the spec change does not reach it, or `sync` of an unchanged template), is its stored base
 * byte for byte, and is not formatted again.
 */
async function formatChanged(project: Project, tree: Tree, rendered: RenderedFile[], options: RegenerateOptions, previousRender: () => Promise<RenderedFile[]>): Promise<RenderedFile[]> {
  const sameSpec = isDeepStrictEqual(options.previous.spec, options.spec);
  const previous = sameSpec ? [] : await previousRender();
  const reused = new Map<string, string>();
  for (const file of rendered) {
    const before = options.previous.files.find((entry) => entry.path === file.path);
    if (!before || !isDeepStrictEqual(before.origin, templateOrigin(file, cliVersion()))) continue;
    if (!sameSpec && previous.find((old) => old.path === file.path)?.content !== file.content) continue;
    const base = readBase(tree, file.path);
    if (base !== null) reused.set(file.path, base);
  }
  const fresh = rendered.filter((file) => !reused.has(file.path));
  const formatted = fresh.length === 0 ? [] : await options.formatter.format(project.root, fresh);
  return rendered.map((file) => formatted.find((done) => done.path === file.path) ?? { ...file, content: reused.get(file.path) ?? file.content });
}

/**
 * The domain's manifest after a re-render: its new files, every migration it had (and `added`,
 * the one a change writes), and the files a merge left conflict markers in.
 */
export function manifestAfter(previous: Manifest, spec: DomainSpec, regenerated: Regenerated, added?: Manifest['files'][number]): Manifest {
  const migrations = previous.files.filter((file) => previous.migrations.includes(file.path));
  return {
    formatVersion: MANIFEST_FORMAT,
    cliVersion: cliVersion(),
    spec,
    files: [...regenerated.files, ...migrations, ...(added ? [added] : [])],
    registrations: previous.registrations,
    migrations: [...previous.migrations, ...(added ? [added.path] : [])],
    ...(regenerated.markers.length > 0 ? { conflicts: regenerated.markers } : {}),
  };
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}
