import type { Entity } from '../../_core/domain/entity.js';

export interface Category extends Entity {
  name: string;
  description: string | null;
  parentId: number | null;
}

/** A new category: every field, defaults already applied (the create request fills them in). */
export type CreateCategory = Omit<Category, keyof Entity>;

/** The fields to change: a key left out is kept, `null` clears an optional field. */
export type UpdateCategory = Partial<CreateCategory>;
