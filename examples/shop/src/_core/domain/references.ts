import type { Id } from './entity.js';
import { NotFoundError, ReferenceNotFoundError, type FieldError } from './errors.js';

/** An entity's ref fields and the resource each points at, e.g. `{ categoryId: 'Category' }`. */
export type References = Readonly<Record<string, string>>;

/** Ids per ref field: those asked about, or those found missing. */
export type ReferenceIds<R extends References> = Record<keyof R & string, Id[]>;

/** The port a repository offers when its rows refer to other tables. */
export interface ReferenceChecker<R extends References> {
  /** For each ref field, the ids among those given that have no row. */
  missingReferences(ids: ReferenceIds<R>): Promise<ReferenceIds<R>>;
}

type Writes<R extends References> = ReadonlyArray<{ readonly [K in keyof R]?: Id | null }>;

/**
 * Refuses a write naming rows that do not exist: one 422 with a pointer per bad ref
 * (`/categoryId`, or `/2/categoryId` in a bulk body), asked in one query per ref field.
 * The database's foreign key stays the backstop for a row deleted in between.
 *
 * @example
 * await assertReferencesExist(repository, { categoryId: 'Category' }, [input], {
 *   resource: 'Product',
 *   bulk: false,
 * });
 */
export async function assertReferencesExist<R extends References>(
  repository: ReferenceChecker<R>,
  references: R,
  writes: Writes<R>,
  options: { resource: string; bulk: boolean },
): Promise<void> {
  const fields = Object.keys(references) as Array<keyof R & string>;
  const asked = {} as ReferenceIds<R>;
  for (const field of fields) {
    asked[field] = [...new Set(writes.map((write) => write[field]).filter(isId))];
  }
  if (fields.every((field) => asked[field].length === 0)) return;

  const missing = await repository.missingReferences(asked);
  const errors: FieldError[] = [];
  writes.forEach((write, index) => {
    for (const field of fields) {
      const id = write[field];
      if (isId(id) && missing[field].includes(id)) {
        const pointer = `${options.bulk ? `/${index}` : ''}/${field}`;
        errors.push({ pointer, message: `${references[field]} ${id} does not exist.` });
      }
    }
  });
  if (errors.length > 0) throw new ReferenceNotFoundError(options.resource, errors);
}

/**
 * A 404 naming the row a list is read under (`GET /categories/7/products`) when it does not
 * exist: an empty list would read as "a category without products".
 *
 * @example await assertReferencedRowExists(repository, { categoryId: 'Category' }, 'categoryId', 7);
 */
export async function assertReferencedRowExists<R extends References>(
  repository: ReferenceChecker<R>,
  references: R,
  field: string,
  id: Id,
): Promise<void> {
  const resource = references[field];
  if (resource === undefined) throw new Error(`"${field}" is not a ref field.`);
  const asked = {} as ReferenceIds<R>;
  for (const key of Object.keys(references) as Array<keyof R & string>) {
    asked[key] = key === field ? [id] : [];
  }
  const missing = await repository.missingReferences(asked);
  if (missing[field as keyof R & string].length > 0) throw new NotFoundError(resource, id);
}

function isId(value: Id | null | undefined): value is Id {
  return typeof value === 'number';
}
