import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addRegistration, removeRegistration, type RegistrationDomain } from '../../src/register/index.js';
import { HOST_KINDS, ORDER_ITEM, PRODUCT, readHost } from './fixtures.js';

describe('choices on odd shapes', () => {
  it('appends after the last registration when the existing ones are not sorted, and says so', async () => {
    const { text, filePath } = readHost('reordered', 'container');
    const edit = await addRegistration('container', text, filePath, PRODUCT);
    expect(edit.notes).toEqual([
      "The domain imports in src/server-container.ts are not sorted by path; added registerProductModule's after the last one.",
      'The domain registrations in createServerContainer (src/server-container.ts) are not sorted; added registerProductModule after the last one.',
    ]);
  });

  it('removes the half a user left behind', async () => {
    const container = readHost('hand-removed-half', 'container');
    const bootstrap = readHost('hand-removed-half', 'bootstrap');
    const fromContainer = await removeRegistration('container', container.text, container.filePath, PRODUCT);
    const fromBootstrap = await removeRegistration('bootstrap', bootstrap.text, bootstrap.filePath, PRODUCT);
    expect(fromContainer.changed).toBe(true);
    expect(fromContainer.text).not.toContain('Product');
    expect(fromBootstrap.changed).toBe(true);
    expect(fromBootstrap.text).not.toContain('Product');
  });

  it('keeps calls with extra arguments as registered', async () => {
    const { text, filePath } = readHost('user-registrations-between', 'bootstrap');
    const shipment = { className: 'Shipment', fileName: 'shipment' };
    expect((await addRegistration('bootstrap', text, filePath, shipment)).changed).toBe(false);
    const removed = await removeRegistration('bootstrap', text, filePath, shipment);
    expect(removed.text).not.toContain('Shipment');
    expect(removed.text).toContain("app.get('/ping', (c) => c.text('pong'));\n  return app;");
  });

  it('accepts the function written as an arrow function', async () => {
    const { text, filePath } = readHost('pristine', 'container');
    const arrow = text
      .replace(
        'export function createServerContainer(settings: Settings): DependencyContainer {',
        'export const createServerContainer = (settings: Settings): DependencyContainer => {',
      )
      .replace(/}\n$/, '};\n');
    const edit = await addRegistration('container', arrow, filePath, PRODUCT);
    expect(edit.text).toContain(
      '  const container = createCoreContainer(settings);\n  registerProductModule(container);\n  return container;\n};\n',
    );
  });

  it('accepts a return wrapped in `as` and comments sharing a registration line', async () => {
    const { text, filePath } = readHost('two-domains-already', 'container');
    const edited = text
      .replace('return container;', 'return (container as DependencyContainer);')
      .replace('  registerCustomerModule(container);', '  /* first */ registerCustomerModule(container); /* then */');
    const added = await addRegistration('container', edited, filePath, ORDER_ITEM);
    expect(added.text).toContain('/* then */\n  registerOrderItemModule(container);\n  registerShipmentModule');
    expect((await removeRegistration('container', added.text, filePath, ORDER_ITEM)).text).toBe(edited);
  });

  it('round-trips a file that does not end with a newline', async () => {
    const { text, filePath } = readHost('two-domains-already', 'bootstrap');
    const bare = text.trimEnd();
    const added = await addRegistration('bootstrap', bare, filePath, ORDER_ITEM);
    expect(added.text.endsWith('}')).toBe(true);
    expect((await removeRegistration('bootstrap', added.text, filePath, ORDER_ITEM)).text).toBe(bare);
  });

  it('removes every top-level call of the domain when it was registered twice by hand', async () => {
    const { text, filePath } = readHost('pristine', 'container');
    const added = (await addRegistration('container', text, filePath, PRODUCT)).text;
    const doubled = added.replace(
      '  registerProductModule(container);\n',
      '  registerProductModule(container);\n  registerProductModule(container);\n',
    );
    expect((await removeRegistration('container', doubled, filePath, PRODUCT)).text).toBe(text);
  });
});

const NAMES = ['address', 'billing-account', 'category', 'order', 'order-item', 'orderline', 'product', 'zone'];
const domainOf = (fileName: string): RegistrationDomain => ({
  fileName,
  className: fileName.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
});

describe('any set of domains, added and removed in any order', () => {
  const addAndRemoveOrders = fc
    .shuffledSubarray(NAMES, { minLength: 1 })
    .chain((names) => fc.tuple(fc.constant(names), fc.shuffledSubarray(names, { minLength: names.length })));

  it.each(HOST_KINDS)('%s: gives one sorted text, and back the original after removal', async (kind) => {
    const { text, filePath } = readHost('pristine', kind);
    await fc.assert(
      fc.asyncProperty(addAndRemoveOrders, async ([addOrder, removeOrder]) => {
        let current = text;
        for (const name of addOrder) current = (await addRegistration(kind, current, filePath, domainOf(name))).text;
        const classNames = [...addOrder].map((name) => domainOf(name).className);
        const called = [...current.matchAll(/^ {2}.*?(?:register|create)([A-Za-z]+?)(?:Module|Router)\(/gm)].map(
          (m) => m[1],
        );
        expect(called).toEqual([...classNames].sort());
        const imported = [...current.matchAll(/from '\.\/([a-z-]+)\//g)].map((m) => m[1]);
        expect(imported).toEqual([...addOrder].sort());

        for (const name of removeOrder)
          current = (await removeRegistration(kind, current, filePath, domainOf(name))).text;
        expect(current).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});
