/** Where a new item goes among existing ones: next to `item`, on the side `where`. */
export interface Placement<T> {
  item: T;
  where: 'after' | 'before';
  /** The existing items were not sorted, so the new one went after the last of them. */
  unsorted: boolean;
}

/**
 * Sorted position by ordinal comparison of keys: right after the last smaller key, or before the
 * first item when the new key is the smallest. Items that are not sorted get the new one after
 * the last of them (sorting them would touch lines that are not ours). `undefined` when empty.
 */
export function placeSorted<T>(
  items: readonly T[],
  key: (item: T) => string,
  newKey: string,
): Placement<T> | undefined {
  const last = items.at(-1);
  const first = items[0];
  if (last === undefined || first === undefined) return undefined;
  const keys = items.map(key);
  const sorted = keys.every((current, index) => index === 0 || (keys[index - 1] ?? '') <= current);
  if (!sorted) return { item: last, where: 'after', unsorted: true };
  const previous = items[keys.findLastIndex((current) => current < newKey)];
  return previous === undefined
    ? { item: first, where: 'before', unsorted: false }
    : { item: previous, where: 'after', unsorted: false };
}
