import type { ts } from 'ts-morph';

import type { HostBindings, HostDescriptor } from './hosts.js';
import { lineOf } from './lines.js';

/** One import declaration of the host file. */
export interface ImportInfo {
  node: ts.ImportDeclaration;
  modulePath: string;
  /** Local names of its named imports. */
  names: string[];
  /** True when it imports anything besides named bindings (a default or a namespace). */
  hasOtherBindings: boolean;
}

/** A top-level domain registration call, e.g. `registerProductModule(container);`. */
export interface DomainCall {
  statement: ts.Statement;
  importName: string;
  /** The domain's class name, read from the identifier: `Product`. */
  className: string;
}

/** Where everything registration cares about sits in a host file. */
export interface HostLayout {
  source: ts.SourceFile;
  imports: ImportInfo[];
  /** `const container = createCoreContainer(settings);` */
  anchor: ts.Statement;
  /** `return container;` */
  returnStatement: ts.Statement;
  bindings: HostBindings;
  /** Domain calls between the anchor and the return, in file order. */
  domainCalls: DomainCall[];
  /** Calls of domain identifiers anywhere else in the function (inside an `if`, a loop...). */
  strayCalls: { importName: string; line: number }[];
}

/** The host file does not have the shape `layered init` writes; `reason` says what is missing. */
export class ShapeError extends Error {}

/** Parses only this text: no program, no lib files, no type checker. */
export function parseHost(tsApi: typeof ts, text: string, filePath: string): ts.SourceFile {
  const kind = filePath.endsWith('.tsx') ? tsApi.ScriptKind.TSX : tsApi.ScriptKind.TS;
  return tsApi.createSourceFile(filePath, text, tsApi.ScriptTarget.Latest, false, kind);
}

/** Locates the registration points, or throws a `ShapeError` saying what is missing. */
export function locateHost(tsApi: typeof ts, host: HostDescriptor, source: ts.SourceFile): HostLayout {
  const fn = findFunction(tsApi, source, host.functionName);
  const statements = fn.body.statements;

  const anchorIndex = statements.findIndex(
    (statement) => coreVariable(tsApi, statement, host.coreFactory) !== undefined,
  );
  const anchor = statements[anchorIndex];
  const variable = anchor && coreVariable(tsApi, anchor, host.coreFactory);
  if (anchor === undefined || variable === undefined) {
    throw new ShapeError(
      `${host.functionName} has no \`const ${host.defaults.variable} = ${host.coreFactory}(...)\` statement`,
    );
  }
  const returnIndex = statements.findIndex(
    (statement, index) => index > anchorIndex && tsApi.isReturnStatement(statement),
  );
  const returnStatement = statements[returnIndex];
  if (returnStatement === undefined || !tsApi.isReturnStatement(returnStatement)) {
    throw new ShapeError(
      `${host.functionName} has no \`return ${variable};\` after \`const ${variable} = ${host.coreFactory}(...)\``,
    );
  }
  const returned = returnStatement.expression && unwrap(tsApi, returnStatement.expression);
  if (returned === undefined || !tsApi.isIdentifier(returned) || returned.text !== variable) {
    throw new ShapeError(
      `${host.functionName} returns \`${returnStatement.expression?.getText(source) ?? 'nothing'}\` (line ${lineOf(source, returnStatement.getStart(source))}), not \`${variable}\``,
    );
  }

  const domainCalls: DomainCall[] = [];
  for (const statement of statements.slice(anchorIndex + 1, returnIndex)) {
    const call = domainCall(tsApi, host, statement);
    if (call !== undefined) domainCalls.push(call);
  }
  const registered = new Set<ts.Node>(domainCalls.map((call) => call.statement));
  const strayCalls: HostLayout['strayCalls'] = [];
  const visit = (node: ts.Node): void => {
    if (registered.has(node)) return;
    if (
      tsApi.isCallExpression(node) &&
      tsApi.isIdentifier(node.expression) &&
      host.importNamePattern.test(node.expression.text)
    ) {
      strayCalls.push({ importName: node.expression.text, line: lineOf(source, node.getStart(source)) });
    }
    tsApi.forEachChild(node, visit);
  };
  tsApi.forEachChild(fn.body, visit);

  return {
    source,
    imports: source.statements.filter(tsApi.isImportDeclaration).map((node) => importInfo(tsApi, node)),
    anchor,
    returnStatement,
    bindings: { variable, container: host.containerFrom === 'variable' ? variable : parameterName(tsApi, fn, host) },
    domainCalls,
    strayCalls,
  };
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.Block };

function findFunction(tsApi: typeof ts, source: ts.SourceFile, name: string): FunctionWithBody {
  const seen: string[] = [];
  for (const statement of source.statements) {
    if (tsApi.isFunctionDeclaration(statement) && statement.name !== undefined) {
      if (statement.name.text === name && statement.body !== undefined) return statement as FunctionWithBody;
      seen.push(statement.name.text);
    }
    if (tsApi.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!tsApi.isIdentifier(declaration.name) || init === undefined) continue;
        if (!tsApi.isArrowFunction(init) && !tsApi.isFunctionExpression(init)) continue;
        if (declaration.name.text === name && tsApi.isBlock(init.body)) return init as FunctionWithBody;
        seen.push(declaration.name.text);
      }
    }
  }
  const found =
    seen.length === 0 ? 'it declares no function' : `it declares ${seen.map((fn) => `\`${fn}\``).join(', ')}`;
  throw new ShapeError(`no top-level function \`${name}\` with a body (${found})`);
}

/** `const <name> = <factory>(...)` → `<name>`. */
function coreVariable(tsApi: typeof ts, statement: ts.Statement, factory: string): string | undefined {
  if (!tsApi.isVariableStatement(statement)) return undefined;
  const [declaration, ...others] = statement.declarationList.declarations;
  if (declaration === undefined || others.length > 0 || !tsApi.isIdentifier(declaration.name)) return undefined;
  const init = declaration.initializer;
  if (init === undefined || !tsApi.isCallExpression(init)) return undefined;
  return tsApi.isIdentifier(init.expression) && init.expression.text === factory ? declaration.name.text : undefined;
}

/**
 * A statement that is a domain registration: the domain identifier is called directly
 * (`registerProductModule(container, ...)`) or is the call in one argument of the statement's call
 * (`app.route('/', createProductRouter(container))`). Extra arguments are the user's business.
 */
function domainCall(tsApi: typeof ts, host: HostDescriptor, statement: ts.Statement): DomainCall | undefined {
  if (!tsApi.isExpressionStatement(statement) || !tsApi.isCallExpression(statement.expression)) return undefined;
  const outer = statement.expression;
  for (const call of [outer, ...outer.arguments]) {
    if (!tsApi.isCallExpression(call) || !tsApi.isIdentifier(call.expression)) continue;
    const match = host.importNamePattern.exec(call.expression.text);
    if (match?.[1] !== undefined) return { statement, importName: call.expression.text, className: match[1] };
  }
  return undefined;
}

function importInfo(tsApi: typeof ts, node: ts.ImportDeclaration): ImportInfo {
  const clause = node.importClause;
  const bindings = clause?.namedBindings;
  const named = bindings !== undefined && tsApi.isNamedImports(bindings) ? bindings.elements : [];
  return {
    node,
    modulePath: tsApi.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : '',
    names: named.map((element) => element.name.text),
    hasOtherBindings: clause?.name !== undefined || (bindings !== undefined && !tsApi.isNamedImports(bindings)),
  };
}

function parameterName(tsApi: typeof ts, fn: FunctionWithBody, host: HostDescriptor): string {
  const first = fn.parameters[0];
  if (first === undefined || !tsApi.isIdentifier(first.name)) {
    throw new ShapeError(`the first parameter of ${host.functionName} is not a plain name (routers receive it)`);
  }
  return first.name.text;
}

/** `(container)`, `container as X`, `container satisfies X`, `container!` → `container`. */
function unwrap(tsApi: typeof ts, expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    tsApi.isParenthesizedExpression(current) ||
    tsApi.isAsExpression(current) ||
    tsApi.isSatisfiesExpression(current) ||
    tsApi.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}
