/**
 * Words a name may not become. Generated code uses domain and field names as identifiers
 * (variables, parameters, destructuring), where these are syntax errors or shadow something.
 */

/** ECMAScript reserved words, strict-mode reserved words, and names strict mode forbids binding. */
export const JS_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface',
  'package', 'private', 'protected', 'public', 'await', 'arguments', 'eval', 'undefined',
  // Object.prototype members: a field with one of these names shadows them on every entity.
  'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty',
]);

/** Every entity has these columns already (DESIGN.md §1). */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * Domain names (kebab-case) that collide with what the project itself owns: the generic core
 * (`src/_core`), the host files the CLI edits (`src/server-container.ts`, `src/bootstrap.ts`,
 * `src/main.ts`), the project's own folders, and the `/api/...` routes outside `/api/v1`.
 */
export const CORE_DOMAIN_NAMES: ReadonlySet<string> = new Set([
  'core', 'shared', 'app', 'main', 'bootstrap', 'server', 'server-container', 'config', 'settings',
  'src', 'test', 'tests', 'migration', 'migrations', 'dist', 'node-modules', 'templates', 'layered',
  'api', 'health', 'docs', 'openapi', 'base', 'kysely', 'database', 'db',
]);

/**
 * Class names generated code must not declare: JavaScript globals, TypeScript utility types,
 * and the core's own classes. An entity type called `Date` or `Record` would shadow the global
 * in every file of the domain; `BaseService` or `KyselyRepository` would clash with the core.
 */
export const RESERVED_CLASS_NAMES: ReadonlySet<string> = new Set([
  'Array', 'BigInt', 'Boolean', 'Buffer', 'Date', 'Error', 'Function', 'Headers', 'Intl', 'JSON',
  'Map', 'Math', 'Number', 'Object', 'Promise', 'Proxy', 'Reflect', 'RegExp', 'Request', 'Response',
  'Set', 'String', 'Symbol', 'URL', 'WeakMap', 'WeakSet',
  'Awaited', 'Exclude', 'Extract', 'Omit', 'Partial', 'Pick', 'Readonly', 'Record', 'Required',
  'ReturnType',
  'Database', 'Entity', 'Repository', 'BaseService', 'BaseUseCase', 'KyselyRepository', 'Kysely',
  'Hono', 'OpenAPIHono', 'Context', 'Config', 'Settings', 'LayeredError',
]);
