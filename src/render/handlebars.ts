import Handlebars from 'handlebars';

const env = Handlebars.create();

/**
 * Compiles a template for code generation: no HTML escaping (we emit TypeScript, not HTML) and
 * strict lookups, so a misspelt variable fails loudly instead of rendering as an empty string.
 */
export function compile(source: string): Handlebars.TemplateDelegate {
  return env.compile(source, { noEscape: true, strict: true });
}
