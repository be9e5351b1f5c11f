import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { addRegistration, removeRegistration } from '../../src/register/index.js';

const file = 'src/consumers.ts';
const pristine = await readFile(path.join(import.meta.dirname, '../../templates/features/jobs/project', file), 'utf8');

describe('the consumers host file (jobs on)', () => {
  it('gets one import and one call per domain, sorted, and loses them again byte for byte', async () => {
    const order = await addRegistration('consumers', pristine, file, { className: 'OrderItem', fileName: 'order-item' });
    const both = await addRegistration('consumers', order.text, file, { className: 'Category', fileName: 'category' });

    expect(both.text).toContain(
      "import { createCategoryConsumer } from './category/interface/category.consumer.js';\nimport { createOrderItemConsumer } from './order-item/interface/order-item.consumer.js';\n",
    );
    expect(both.text).toContain(
      '  const consumers = createConsumerRegistry();\n  consumers.add(createCategoryConsumer(container));\n  consumers.add(createOrderItemConsumer(container));\n  return consumers;\n',
    );
    expect(both.notes).toEqual([]);

    const removed = await removeRegistration('consumers', both.text, file, { className: 'Category', fileName: 'category' });
    expect(removed.text).toBe(order.text);
    expect((await removeRegistration('consumers', removed.text, file, { className: 'OrderItem', fileName: 'order-item' })).text).toBe(pristine);
  });
});
