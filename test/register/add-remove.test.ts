import { describe, expect, it } from 'vitest';

import {
  addRegistration,
  removeRegistration,
  type HostKind,
  type RegistrationDomain,
} from '../../src/register/index.js';
import { HOST_KINDS, insertedLines, ORDER_ITEM, PRODUCT, readHost } from './fixtures.js';

/** Fixture projects the edits must handle; `present` lists domains fully registered in both files. */
/** `unsorted`: the existing registrations are out of order, so new ones go last, in arrival order. */
const SHAPES: { shape: string; present: string[]; halfPresent?: string; unsorted?: boolean }[] = [
  { shape: 'pristine', present: [] },
  { shape: 'with-comments', present: ['customer'] },
  { shape: 'crlf', present: ['customer', 'shipment'] },
  { shape: 'four-space-indent', present: [] },
  { shape: 'tabs', present: [] },
  { shape: 'double-quotes-no-semicolons', present: ['shipment'] },
  { shape: 'reordered', present: ['customer', 'shipment'], unsorted: true },
  { shape: 'extra-blank-lines', present: [] },
  { shape: 'hand-removed-half', present: ['customer'], halfPresent: 'product' },
  { shape: 'user-registrations-between', present: ['customer', 'shipment'] },
  { shape: 'call-inside-if', present: ['customer'] },
  { shape: 'two-domains-already', present: ['customer', 'shipment'] },
  { shape: 'renamed-variables', present: [] },
];

const DOMAINS: [string, RegistrationDomain][] = [
  ['product', PRODUCT],
  ['order-item', ORDER_ITEM],
];

const IDENTIFIERS: Record<HostKind, (domain: RegistrationDomain) => string> = {
  container: ({ className }) => `register${className}Module`,
  bootstrap: ({ className }) => `create${className}Router`,
  consumers: ({ className }) => `create${className}Consumer`,
};

describe.each(SHAPES)('$shape', ({ shape, halfPresent, unsorted }) => {
  describe.each(HOST_KINDS)('%s', (kind) => {
    const { text, filePath } = readHost(shape, kind);
    const snapshot = (name: string): string => `./__snapshots__/${shape}/${filePath.replace('src/', '')}.${name}.snap`;

    it.each(DOMAINS)('adds %s as whole lines in sorted position (snapshot)', async (name, domain) => {
      const edit = await addRegistration(kind, text, filePath, domain);
      expect(edit.changed).toBe(true);
      await expect(edit.text).toMatchFileSnapshot(snapshot(`add-${name}`));

      const inserted = insertedLines(text, edit.text);
      expect(inserted).toBeDefined();
      expect(inserted).toHaveLength(name === halfPresent ? 1 : 2);
      for (const line of inserted ?? []) {
        expect(line).toContain(IDENTIFIERS[kind](domain));
        expect(line.endsWith(text.includes('\r\n') ? '\r\n' : '\n')).toBe(true);
        expect(line.endsWith('\r\n')).toBe(text.includes('\r\n'));
      }
    });

    it.each(DOMAINS)('does nothing when %s is added again', async (_name, domain) => {
      const once = await addRegistration(kind, text, filePath, domain);
      const twice = await addRegistration(kind, once.text, filePath, domain);
      expect(twice).toEqual({ text: once.text, changed: false, notes: [] });
    });

    it.each(DOMAINS.filter(([name]) => name !== halfPresent))(
      'gives back the original bytes when %s is added then removed',
      async (_name, domain) => {
        const added = await addRegistration(kind, text, filePath, domain);
        const removed = await removeRegistration(kind, added.text, filePath, domain);
        expect(removed.changed).toBe(true);
        expect(removed.text).toBe(text);
      },
    );

    it.each(DOMAINS.filter(([name]) => name !== halfPresent))(
      'leaves the text alone when %s is removed but absent',
      async (_name, domain) => {
        expect(await removeRegistration(kind, text, filePath, domain)).toEqual({ text, changed: false, notes: [] });
      },
    );

    it.skipIf(unsorted)('adds two domains in either order to the same text', async () => {
      const productFirst = await addRegistration(
        kind,
        (await addRegistration(kind, text, filePath, PRODUCT)).text,
        filePath,
        ORDER_ITEM,
      );
      const orderItemFirst = await addRegistration(
        kind,
        (await addRegistration(kind, text, filePath, ORDER_ITEM)).text,
        filePath,
        PRODUCT,
      );
      expect(orderItemFirst.text).toBe(productFirst.text);
    });
  });
});
