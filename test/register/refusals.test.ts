import { describe, expect, it } from 'vitest';

import { ExitCode, LayeredError } from '../../src/errors.js';
import {
  addRegistration,
  hostFileMissing,
  HOST_FILE_UNEXPECTED_SHAPE,
  REGISTRATION_NAME_TAKEN,
  removeRegistration,
  type HostKind,
  type RegistrationDomain,
} from '../../src/register/index.js';
import { PRODUCT, readHost } from './fixtures.js';

const SHIPMENT: RegistrationDomain = { className: 'Shipment', fileName: 'shipment' };

async function failure(promise: Promise<unknown>): Promise<LayeredError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LayeredError);
  return error as LayeredError;
}

/** The pristine host with one edit, for shapes too small to deserve a fixture project. */
function pristineWith(kind: HostKind, from: string, to: string): { text: string; filePath: string } {
  const { text, filePath } = readHost('pristine', kind);
  expect(text).toContain(from);
  return { text: text.replace(from, to), filePath };
}

describe('renamed-function', () => {
  it('refuses the container, naming the file, the reason and the lines to add by hand', async () => {
    const { text, filePath } = readHost('renamed-function', 'container');
    const error = await failure(addRegistration('container', text, filePath, PRODUCT));
    expect(error.code).toBe(HOST_FILE_UNEXPECTED_SHAPE);
    expect(error.exitCode).toBe(ExitCode.Conflict);
    expect(error.file).toBe('src/server-container.ts');
    expect(error.message).toBe(
      'Cannot register the domain in src/server-container.ts: no top-level function `createServerContainer` ' +
        'with a body (it declares `buildContainer`).',
    );
    expect(error.hint).toBe(
      [
        'Add these lines to src/server-container.ts by hand:',
        "  import { registerProductModule } from './product/infrastructure/product.module.js';",
        '  registerProductModule(container);   (inside createServerContainer, before `return container;`)',
        'or restore the shape `layered init` writes and run the command again.',
      ].join('\n'),
    );
  });

  it('refuses the bootstrap the same way', async () => {
    const { text, filePath } = readHost('renamed-function', 'bootstrap');
    const error = await failure(addRegistration('bootstrap', text, filePath, PRODUCT));
    expect(error.message).toContain('src/bootstrap.ts');
    expect(error.message).toContain('`createApp`');
    expect(error.message).toContain('`buildApp`');
    expect(error.hint).toContain("import { createProductRouter } from './product/interface/product.router.js';");
    expect(error.hint).toContain("app.route('/', createProductRouter(container));");
  });

  it('refuses removal too, showing the lines to remove', async () => {
    const { text, filePath } = readHost('renamed-function', 'container');
    const error = await failure(removeRegistration('container', text, filePath, PRODUCT));
    expect(error.message).toMatch(/^Cannot unregister the domain in src\/server-container\.ts: /);
    expect(error.hint).toContain('Remove these lines from src/server-container.ts by hand:');
    expect(error.hint).toContain('  registerProductModule(container);');
  });
});

describe('host file renamed away', () => {
  it('gives the caller an error naming the file with the lines to add', () => {
    const error = hostFileMissing('bootstrap', 'src/bootstrap.ts', PRODUCT);
    expect(error.code).toBe(HOST_FILE_UNEXPECTED_SHAPE);
    expect(error.exitCode).toBe(ExitCode.Conflict);
    expect(error.message).toBe(
      'Cannot register the domain in src/bootstrap.ts: the file does not exist (.layered/project.json names it).',
    );
    expect(error.hint).toContain(
      "  app.route('/', createProductRouter(container));   (inside createApp, before `return app;`)",
    );
  });
});

describe('call-inside-if', () => {
  it.each([
    ['container', 'registerShipmentModule', 13],
    ['bootstrap', 'createShipmentRouter', 12],
  ] as const)('refuses to add a domain the %s registers inside an if', async (kind, identifier, line) => {
    const { text, filePath } = readHost('call-inside-if', kind);
    const error = await failure(addRegistration(kind, text, filePath, SHIPMENT));
    expect(error.code).toBe(HOST_FILE_UNEXPECTED_SHAPE);
    expect(error.message).toContain(`\`${identifier}(...)\` is called at line ${line}, inside a nested block`);
    expect(error.hint).toContain('This registration is yours: layered leaves it alone.');
    expect(error.hint).toContain(`import { ${identifier} } from './shipment/`);
  });

  it('refuses to remove it', async () => {
    const { text, filePath } = readHost('call-inside-if', 'container');
    const error = await failure(removeRegistration('container', text, filePath, SHIPMENT));
    expect(error.message).toContain('inside a nested block of createServerContainer');
    expect(error.hint).toContain(
      "import { registerShipmentModule } from './shipment/infrastructure/shipment.module.js';",
    );
  });
});

describe('shapes refused without a fixture project', () => {
  it.each([
    [
      'container',
      'const container = createCoreContainer(settings);',
      'const container = new Container();',
      'has no `const container = createCoreContainer(...)` statement',
    ],
    [
      'bootstrap',
      'const app = createCoreApp(container);',
      'const app = new Hono();',
      'has no `const app = createCoreApp(...)` statement',
    ],
    ['container', '  return container;\n', '', 'has no `return container;` after'],
    ['bootstrap', 'return app;', 'return wrap(app);', 'returns `wrap(app)` (line 8), not `app`'],
    [
      'container',
      'settings);\n  return',
      'settings); return',
      'line 8 holds other code after `const container = createCoreContainer(settings);`',
    ],
    [
      'bootstrap',
      'createApp(container: DependencyContainer)',
      'createApp({ container }: Deps)',
      'the first parameter of createApp is not a plain name',
    ],
  ] as const)('%s: %s → %s', async (kind, from, to, reason) => {
    const { text, filePath } = pristineWith(kind, from, to);
    const error = await failure(addRegistration(kind, text, filePath, PRODUCT));
    expect(error.code).toBe(HOST_FILE_UNEXPECTED_SHAPE);
    expect(error.exitCode).toBe(ExitCode.Conflict);
    expect(error.message).toContain(reason);
    expect(error.hint).toContain('by hand');
  });

  it('refuses when the identifier is already imported from another module', async () => {
    const { text, filePath } = pristineWith(
      'container',
      "import type { Settings } from './_core/config.js';\n",
      "import type { Settings } from './_core/config.js';\nimport { registerProductModule } from './legacy/product.js';\n",
    );
    const error = await failure(addRegistration('container', text, filePath, PRODUCT));
    expect(error.code).toBe(REGISTRATION_NAME_TAKEN);
    expect(error.exitCode).toBe(ExitCode.Conflict);
    expect(error.message).toContain("`registerProductModule` is already imported from './legacy/product.js'");
  });

  it('refuses to remove an import line that also imports other names', async () => {
    const { text, filePath } = pristineWith(
      'container',
      "import type { Settings } from './_core/config.js';\n",
      "import type { Settings } from './_core/config.js';\n" +
        "import { registerProductModule, productSeed } from './product/infrastructure/product.module.js';\n",
    );
    const error = await failure(removeRegistration('container', text, filePath, PRODUCT));
    expect(error.message).toContain('the import of `registerProductModule` at line 5 also imports other names');
  });

  it('is a bug, not a user error, to pass names that are not PascalCase and kebab-case', async () => {
    const { text, filePath } = readHost('pristine', 'container');
    const error = await failure(
      addRegistration('container', text, filePath, { className: 'product', fileName: 'Product' }),
    );
    expect(error.exitCode).toBe(ExitCode.Internal);
  });
});
