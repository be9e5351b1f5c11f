/** The host files `layered new` edits: the last only once `layered add jobs` made it. */
export type HostKind = 'container' | 'bootstrap' | 'consumers';

/** The spellings of a domain that registration needs (from the names module). */
export interface RegistrationDomain {
  /** PascalCase, e.g. `OrderItem`. */
  className: string;
  /** kebab-case, e.g. `order-item`. */
  fileName: string;
}

/** Names the host file uses, read from it (or the defaults `layered init` writes). */
export interface HostBindings {
  /** The variable holding the core container or app: `container`, `app`. */
  variable: string;
  /** The container the bootstrap passes to routers (its function's first parameter). */
  container: string;
}

/** How a domain's registration is spelled in one host file. */
export interface Registration {
  /** The imported identifier: `registerOrderItemModule`, `createOrderItemRouter`. */
  importName: string;
  /** The module specifier, relative to the host file: `./order-item/infrastructure/order-item.module.js`. */
  modulePath: string;
}

/**
 * Everything that differs between the two host files, so that identifiers and paths are derived
 * in one place.
 *
 * @example
 * HOSTS.container.registration({ className: 'OrderItem', fileName: 'order-item' });
 * // { importName: 'registerOrderItemModule', modulePath: './order-item/infrastructure/order-item.module.js' }
 */
export interface HostDescriptor {
  kind: HostKind;
  /** Where `layered init` writes it; `.layered/project.json` records the real path. */
  defaultPath: string;
  /** The exported function whose body holds the registrations. */
  functionName: string;
  /** The core factory whose result every registration uses: `const container = createCoreContainer(...)`. */
  coreFactory: string;
  defaults: HostBindings;
  /** Recognises a domain's imported identifier; group 1 is its class name. */
  importNamePattern: RegExp;
  /** Recognises a domain's module specifier, to find the domain imports among the others. */
  modulePathPattern: RegExp;
  /** What the call passes as the container: the core variable, or the function's first parameter. */
  containerFrom: 'variable' | 'parameter';
  registration(domain: RegistrationDomain): Registration;
  /** The call statement, without indentation or semicolon; `quote` is the file's string quote. */
  callText(importName: string, bindings: HostBindings, quote: string): string;
}

export const HOSTS: Readonly<Record<HostKind, HostDescriptor>> = {
  container: {
    kind: 'container',
    defaultPath: 'src/server-container.ts',
    functionName: 'createServerContainer',
    coreFactory: 'createCoreContainer',
    defaults: { variable: 'container', container: 'container' },
    importNamePattern: /^register([A-Z][A-Za-z0-9]*)Module$/,
    modulePathPattern: /^\.\/[^/]+\/infrastructure\/[^/]+\.module\.js$/,
    containerFrom: 'variable',
    registration: ({ className, fileName }) => ({
      importName: `register${className}Module`,
      modulePath: `./${fileName}/infrastructure/${fileName}.module.js`,
    }),
    callText: (importName, { variable }) => `${importName}(${variable})`,
  },
  bootstrap: {
    kind: 'bootstrap',
    defaultPath: 'src/bootstrap.ts',
    functionName: 'createApp',
    coreFactory: 'createCoreApp',
    defaults: { variable: 'app', container: 'container' },
    importNamePattern: /^create([A-Z][A-Za-z0-9]*)Router$/,
    modulePathPattern: /^\.\/[^/]+\/interface\/[^/]+\.router\.js$/,
    containerFrom: 'parameter',
    registration: ({ className, fileName }) => ({
      importName: `create${className}Router`,
      modulePath: `./${fileName}/interface/${fileName}.router.js`,
    }),
    callText: (importName, { variable, container }, quote) =>
      `${variable}.route(${quote}/${quote}, ${importName}(${container}))`,
  },
  consumers: {
    kind: 'consumers',
    defaultPath: 'src/consumers.ts',
    functionName: 'createConsumers',
    coreFactory: 'createConsumerRegistry',
    defaults: { variable: 'consumers', container: 'container' },
    importNamePattern: /^create([A-Z][A-Za-z0-9]*)Consumer$/,
    modulePathPattern: /^\.\/[^/]+\/interface\/[^/]+\.consumer\.js$/,
    containerFrom: 'parameter',
    registration: ({ className, fileName }) => ({
      importName: `create${className}Consumer`,
      modulePath: `./${fileName}/interface/${fileName}.consumer.js`,
    }),
    callText: (importName, { variable, container }) => `${variable}.add(${importName}(${container}))`,
  },
};
