import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { DomainSpec } from '../../src/spec/index.js';
import { answer, asking, pick } from '../helpers/prompt-keys.js';
import { Terminal, tmuxAvailable } from '../helpers/tmux.js';
import { type BuiltEntry, buildEntry } from './support/build-entry.js';


describe.skipIf(!tmuxAvailable())('promptForSpec on a real terminal (tmux; skipped when tmux is not installed)', () => {
  let built: BuiltEntry;
  let term: Terminal | undefined;
  let run = 0;

  beforeAll(async () => {
    built = await buildEntry();
  }, 60_000);
  afterEach(async () => {
    await term?.close();
    term = undefined;
  });
  afterAll(async () => {
    await built.remove();
  });

  async function start(env: Record<string, string> = {}): Promise<{ term: Terminal; result: string }> {
    const result = path.join(built.dir, `spec-${++run}.json`);
    term = await Terminal.start([process.execPath, built.entry, result], { env });
    return { term, result };
  }

  it('asks the domain and fields, checks answers inline, shows the command line and returns the spec', async () => {
    const { term: t, result } = await start();
    await answer(t, 'Domain name', 'product');

    await t.waitFor(asking('Field 1 name'));
    await t.type('userID');
    await t.press('Enter');
    await t.waitFor('Name it userId');
    await t.press(...Array<string>(6).fill('BSpace'));
    await t.type('price');
    await t.press('Enter');
    await pick(t, 'Type of price', 'decimal');
    await answer(t, 'Modifiers of price', '');
    await answer(t, 'Default of price', '');

    await answer(t, 'Field 2 name (blank to finish)', 'sku');
    await pick(t, 'Type of sku', 'string');
    await t.waitFor(asking('Modifiers of sku'));
    await t.press('Down', 'Space');
    await t.waitFor(/◉ unique/);
    await t.press('Enter');
    await answer(t, 'Max length of sku', '64');
    await answer(t, 'Default of sku', '');

    await answer(t, 'Field 3 name', 'status');
    await pick(t, 'Type of status', 'enum');
    await answer(t, 'Modifiers of status', '');
    await answer(t, 'Values of status', 'draft,published');
    await pick(t, 'Default of status', 'draft');

    await answer(t, 'Field 4 name', '');
    const summary = await t.waitFor(asking('Create product with 3 fields?'));
    expect(summary).toContain('layered new product price:decimal sku:string:unique:max=64 status:enum:values=draft,published:default=draft');
    await t.press('Enter');

    expect(await t.waitForExit()).toBe(0);
    const spec = JSON.parse(readFileSync(result, 'utf8')) as DomainSpec;
    expect(spec).toEqual({
      name: 'product',
      fields: [
        { name: 'price', type: 'decimal', optional: false, unique: false, index: false },
        { name: 'sku', type: 'string', optional: false, unique: true, index: false, max: 64 },
        { name: 'status', type: 'enum', optional: false, unique: false, index: false, values: ['draft', 'published'], default: 'draft' },
      ],
    } satisfies DomainSpec);
  }, 60_000);

  it('offers this domain and the existing ones as ref targets; answering no cancels with exit 130', async () => {
    const { term: t, result } = await start({ LAYERED_TEST_DOMAIN: 'Product', LAYERED_TEST_EXISTING: 'customer,Category' });
    await answer(t, 'Field 1 name', 'buyer');
    await pick(t, 'Type of buyer', 'ref');
    const targets = await t.waitFor(asking('Domain that buyer refers to'));
    expect(targets).toMatch(/product \(this domain\)\s+customer\s+category/);
    await pick(t, 'Domain that buyer refers to', 'customer');
    await answer(t, 'Modifiers of buyer', '');
    await answer(t, 'Field 2 name', '');

    const summary = await t.waitFor(asking('Create product with 1 field?'));
    expect(summary).toContain('layered new product buyer:ref=customer');
    await t.type('n');
    await t.press('Enter');

    expect(await t.waitForExit()).toBe(130);
    expect(await t.screen()).toContain('Cancelled: nothing was written.');
    expect(existsSync(result)).toBe(false);
  }, 60_000);

  it('turns Ctrl-C into exit 130, saying nothing was written and what was typed so far', async () => {
    const { term: t, result } = await start({ LAYERED_TEST_DOMAIN: 'product' });
    await answer(t, 'Field 1 name', 'price');
    await pick(t, 'Type of price', 'decimal');
    await answer(t, 'Modifiers of price', '');
    await answer(t, 'Default of price', '9.99');
    await t.waitFor(asking('Field 2 name'));
    await t.press('C-c');

    expect(await t.waitForExit()).toBe(130);
    const screen = await t.screen();
    expect(screen).toContain('Interrupted: nothing was written.');
    expect(screen).toContain('layered new product price:decimal:default=9.99');
    expect(existsSync(result)).toBe(false);
  }, 60_000);
});
