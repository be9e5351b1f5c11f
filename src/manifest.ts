import { readFile } from 'node:fs/promises';

import { z } from 'zod';

import { ExitCode, LayeredError } from './errors.js';
import { listDomains } from './project.js';
import type { HostKind } from './register/hosts.js';
import { domainSpecSchema, type DomainSpec } from './spec/index.js';

export const MANIFEST_FORMAT = 2;

const manifestSchema = z.object({
  formatVersion: z.union([z.literal(1), z.literal(MANIFEST_FORMAT)]),
  cliVersion: z.string(),
  spec: z.unknown(),
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string(),
      template: z.string(),
      origin: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('built-in'), cliVersion: z.string(), sha256: z.string().optional() }),
          z.object({ kind: z.literal('override'), sha256: z.string() }),
        ])
        .optional(),
    }),
  ),
  registrations: z.array(z.object({ file: z.string(), kind: z.enum(['container', 'bootstrap', 'consumers']) })),
  /** Format 1 had only the create migration. */
  migration: z.string().optional(),
  migrations: z.array(z.string()).optional(),
  conflicts: z.array(z.string()).optional(),
});

/**
 * Which template produced a generated file: the CLI's own at its version, or the project's
 * override (`.layered/templates/...`) with the hash of its source. Manifests written before
 * overrides existed have no origin: their files came from the built-ins of `cliVersion`.
 */
export type TemplateOrigin = { kind: 'built-in'; cliVersion: string; sha256?: string | undefined } | { kind: 'override'; sha256: string };

/**
 * What `layered new` wrote for one domain (`.layered/domains/<name>.json`): `destroy`, `list`
 * and `check` read it, so nobody retypes a spec and nothing is removed that `new` did not add.
 */
export interface Manifest {
  formatVersion: typeof MANIFEST_FORMAT;
  cliVersion: string;
  spec: DomainSpec;
  /** Every generated file (not the host files), with the hash of the bytes written. */
  files: Array<{ path: string; sha256: string; template: string; origin?: TemplateOrigin }>;
  registrations: Array<{ file: string; kind: HostKind }>;
  /** The domain's migrations in order: its create migration, then one per `layered change`. Also listed in `files`. */
  migrations: string[];
  /** Files a merge left conflict markers in (`--conflicts markers`); `check` fails while they hold any. */
  conflicts?: string[];
}

export function manifestPath(domainFileName: string): string {
  return `.layered/domains/${domainFileName}.json`;
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Parses a manifest, refusing (exit 2) one that is damaged or from an unknown format. */
export function parseManifest(text: string, file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw damaged(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw damaged(file, `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const spec = domainSpecSchema.safeParse(parsed.data.spec);
  if (!spec.success) throw damaged(file, `its spec is invalid (${spec.error.issues[0]?.message ?? 'unknown'})`);
  const { migration, migrations, conflicts, formatVersion: _format, ...rest } = parsed.data;
  const all = migrations ?? (migration === undefined ? [] : [migration]);
  if (all.length === 0) throw damaged(file, 'it lists no migration');
  return { ...rest, formatVersion: MANIFEST_FORMAT, spec: spec.data, migrations: all, ...(conflicts && conflicts.length > 0 ? { conflicts } : {}) };
}

function damaged(file: string, reason: string): LayeredError {
  return new LayeredError('MANIFEST_INVALID', `${file} cannot be read: ${reason}.`, {
    hint: 'Restore it from version control; layered needs it to know what the domain consists of.',
    exitCode: ExitCode.Conflict,
    file,
  });
}

/** Reads one domain's manifest, or undefined when the project has no such domain. */
export async function readManifest(root: string, domainFileName: string): Promise<Manifest | undefined> {
  const file = manifestPath(domainFileName);
  const text = await readFile(`${root}/${file}`, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? undefined : parseManifest(text, file);
}

/** Reads one domain's manifest, refusing (exit 1) a domain the project does not have. */
export async function requireManifest(root: string, domainFileName: string): Promise<Manifest> {
  const manifest = await readManifest(root, domainFileName);
  if (manifest) return manifest;
  const existing = await listDomains(root);
  throw new LayeredError('DOMAIN_NOT_FOUND', `The project has no domain "${domainFileName}".`, {
    hint: existing.length > 0 ? `Its domains are: ${existing.join(', ')}.` : 'It has no domains yet (see `layered list`).',
  });
}
