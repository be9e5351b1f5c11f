import { LayeredError } from '../errors.js';
import { checkDomainName } from './domain-name.js';
import type { DomainSpec } from './schema.js';
import { suggest } from './suggest.js';

/**
 * Refuses (exit 1) a spec whose ref fields point at domains the project does not have. A domain
 * may ref itself. Names compare in canonical kebab-case, so `OrderItem` matches `order-item`.
 *
 * @example assertRefsExist(spec, ['customer', 'category']) // throws SPEC_REF_MISSING for buyer:ref=vendor
 */
export function assertRefsExist(spec: DomainSpec, existingDomains: Iterable<string>): void {
  const known = new Set([spec.name]);
  for (const domain of existingDomains) {
    const checked = checkDomainName(domain);
    known.add(checked.ok ? checked.value : domain);
  }
  const missing = spec.fields.filter((field) => field.type === 'ref' && field.ref !== undefined && !known.has(field.ref));
  const [first] = missing;
  if (first === undefined) return;
  const list = missing.map((field) => `${field.name} → ${field.ref}`).join(', ');
  const guess = suggest(first.ref ?? '', [...known]);
  throw new LayeredError(
    'SPEC_REF_MISSING',
    `Domain "${spec.name}" refs ${missing.length === 1 ? 'a domain' : 'domains'} the project does not have: ${list}.`,
    {
      hint: `${guess !== undefined && guess !== first.ref ? `Did you mean ref=${guess}? ` : ''}Create ${first.ref} first (layered new ${first.ref} ...), or point the ref at an existing domain${known.size > 1 ? ` (${[...known].sort().join(', ')})` : ''}.`,
    },
  );
}
