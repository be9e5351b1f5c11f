import type { ts } from 'ts-morph';

import { ExitCode, LayeredError } from '../errors.js';
import { DEFAULT_STYLE, registrationLines, unexpectedShape, type LineStyle, type RegistrationLines } from './errors.js';
import { HOSTS, type HostDescriptor, type HostKind, type Registration, type RegistrationDomain } from './hosts.js';
import { locateHost, parseHost, ShapeError, type HostLayout } from './layout.js';
import { SharedLineError, statementLine, type StatementLine } from './lines.js';
import { typescript } from '../typescript.js';

/** What one add or remove works with: the located host, the domain's names, and error helpers. */
export interface EditContext {
  host: HostDescriptor;
  filePath: string;
  layout: HostLayout;
  domain: RegistrationDomain;
  registration: Registration;
  /** Quote and semicolons of the file's first import. */
  style: LineStyle;
  /** The lines in the file's style, for hints. */
  lines: RegistrationLines;
  /** The line(s) a statement occupies, or a shape error when it shares them with other code. */
  statementLine(node: ts.Node): StatementLine;
  shapeError(reason: string, hint?: string): LayeredError;
}

/**
 * Loads the compiler lazily (ts-morph, i.e. the whole TypeScript compiler, takes 0.3-0.8 s to
 * load, so only commands that edit host files pay for it; Node caches the module after the first
 * call), parses the text, and locates the registration points.
 */
export async function editContext(
  action: 'add' | 'remove',
  kind: HostKind,
  text: string,
  filePath: string,
  domain: RegistrationDomain,
): Promise<EditContext> {
  checkDomain(domain);
  const tsApi = typescript();
  const host = HOSTS[kind];
  const registration = host.registration(domain);
  const source = parseHost(tsApi, text, filePath);
  const style = fileStyle(tsApi, source);
  let layout: HostLayout;
  try {
    layout = locateHost(tsApi, host, source);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    const lines = registrationLines(host, registration, host.defaults, style);
    throw unexpectedShape(action, host, filePath, error.message, lines, host.defaults);
  }
  const lines = registrationLines(host, registration, layout.bindings, style);
  const shapeError = (reason: string, hint?: string): LayeredError =>
    unexpectedShape(action, host, filePath, reason, lines, layout.bindings, hint);
  const lineOf = (node: ts.Node): StatementLine => {
    try {
      return statementLine(tsApi, source, node);
    } catch (error) {
      if (error instanceof SharedLineError) throw shapeError(error.message);
      throw error;
    }
  };
  return { host, filePath, layout, domain, registration, style, lines, statementLine: lineOf, shapeError };
}

/** Quote and semicolons of the file's first import, for lines shown in hints. */
function fileStyle(tsApi: typeof ts, source: ts.SourceFile): LineStyle {
  const first = source.statements.find(tsApi.isImportDeclaration);
  if (first === undefined) return DEFAULT_STYLE;
  return { quote: quoteOf(source, first), semicolon: endsWithSemicolon(source, first) };
}

export function quoteOf(source: ts.SourceFile, node: ts.ImportDeclaration): string {
  return source.text.charAt(node.moduleSpecifier.getStart(source));
}

export function endsWithSemicolon(source: ts.SourceFile, node: ts.Node): boolean {
  return source.text.charAt(node.end - 1) === ';';
}

function checkDomain({ className, fileName }: RegistrationDomain): void {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(className) || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(fileName)) {
    throw new LayeredError(
      'REGISTER_BAD_DOMAIN_NAMES',
      `Registration got class name "${className}" and file name "${fileName}"; expected PascalCase and kebab-case.`,
      { exitCode: ExitCode.Internal },
    );
  }
}
