import type Handlebars from 'handlebars';

import { sha256 } from '../plan/hash.js';

/**
 * Code generation needs no HTML escaping (we emit TypeScript, not HTML) and strict lookups, so a
 * misspelt variable fails loudly instead of rendering as an empty string.
 */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** A template compiled ahead of time by `Handlebars.precompile`. */
type TemplateSpec = Parameters<typeof Handlebars.template>[0];

let precompiled: Promise<Record<string, TemplateSpec>> | undefined;

/**
 * Compiles a template. The built-in templates were compiled when the CLI was built
 * (`scripts/precompile-templates.mjs`), keyed by the sha256 of their source: for those only
 * Handlebars' small runtime is loaded. Anything else (a project's override, a template edited
 * since the build, or a run from source) loads the compiler, which costs ~50 ms more.
 */
export async function compile(source: string): Promise<Handlebars.TemplateDelegate> {
  const spec = (await precompiledTemplates())[sha256(source)];
  if (spec !== undefined) {
    // The runtime is the compiler's API without `compile`; its typings do not say so.
    const runtime = (await import('handlebars/runtime.js')).default as unknown as typeof Handlebars;
    return runtime.template(spec);
  }
  const { default: compiler } = await import('handlebars');
  return compiler.compile(source, COMPILE_OPTIONS);
}

function precompiledTemplates(): Promise<Record<string, TemplateSpec>> {
  precompiled ??= import(new URL('../precompiled-templates.js', import.meta.url).href).then(
    (module: { default: Record<string, TemplateSpec> }) => module.default,
    (error: NodeJS.ErrnoException) => {
      // Running from source (the unit tests): nothing was precompiled.
      if (error.code === 'ERR_MODULE_NOT_FOUND') return {};
      throw error;
    },
  );
  return precompiled;
}
