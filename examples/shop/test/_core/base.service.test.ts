import { describe, expect, it } from 'vitest';

import { BaseService } from '../../src/_core/domain/base.service.js';
import type { Entity } from '../../src/_core/domain/entity.js';
import { NotFoundError, ValidationError } from '../../src/_core/domain/errors.js';
import type { Repository } from '../../src/_core/domain/repository.js';

interface Note extends Entity {
  text: string;
}

class NoteService extends BaseService<{ text: string }, Note, { text?: string }> {
  constructor(repository: Repository<{ text: string }, Note, { text?: string }>) {
    super(repository, 'Note');
  }
}

const empty: Repository<{ text: string }, Note, { text?: string }> = {
  create: async () => ({ id: 1, text: 'a', createdAt: '', updatedAt: '' }),
  createMany: async () => [],
  findPage: async () => ({ items: [], total: 0 }),
  findSlice: async () => ({ items: [], more: false }),
  findById: async () => undefined,
  findByIds: async (ids) => ({ items: [], missing: [...ids] }),
  update: async () => undefined,
  delete: async () => false,
  count: async () => 0,
};

describe('BaseService', () => {
  const service = new NoteService(empty);

  it.each([
    ['get', () => service.get(5)],
    ['update', () => service.update(5, { text: 'b' })],
    ['delete', () => service.delete(5)],
  ])('%s of an absent id is a NotFoundError with the resource code', async (_, call) => {
    await expect(call()).rejects.toBeInstanceOf(NotFoundError);
    await expect(call()).rejects.toMatchObject({ status: 404, code: 'NOTE_NOT_FOUND' });
  });

  it('refuses batches over 100', async () => {
    const inputs = Array.from({ length: 101 }, () => ({ text: 'x' }));
    await expect(service.createMany(inputs)).rejects.toBeInstanceOf(ValidationError);
    await expect(service.getMany(inputs.map((_, i) => i + 1))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
