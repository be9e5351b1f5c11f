import type { LayeredError } from '../errors.js';
import { addTo } from './add.js';
import { editContext } from './context.js';
import { missingHostFile } from './errors.js';
import { HOSTS, type HostKind, type RegistrationDomain } from './hosts.js';
import { removeFrom } from './remove.js';
import type { HostEdit } from './result.js';

export { HOST_FILE_UNEXPECTED_SHAPE, REGISTRATION_NAME_TAKEN } from './errors.js';
export { HOSTS, type HostDescriptor, type HostKind, type Registration, type RegistrationDomain } from './hosts.js';
export type { HostEdit } from './result.js';

/**
 * Registers a domain in a host file's text: one import among the domain imports (sorted by
 * path) and one call among the domain calls (sorted by class name). Every other byte is kept;
 * only the two lines are inserted, in the file's own end of line, indentation, quotes and
 * semicolons. Idempotent: what is already there is not added again.
 *
 * Throws a `LayeredError` (`HOST_FILE_UNEXPECTED_SHAPE`, exit 2) naming the file and showing the
 * lines to add by hand when the file is not in the shape `layered init` writes.
 *
 * @example
 * const edit = await addRegistration('container', text, 'src/server-container.ts', {
 *   className: 'OrderItem',
 *   fileName: 'order-item',
 * });
 * // edit.text gains:
 * //   import { registerOrderItemModule } from './order-item/infrastructure/order-item.module.js';
 * //   registerOrderItemModule(container);
 */
export async function addRegistration(
  kind: HostKind,
  text: string,
  filePath: string,
  domain: RegistrationDomain,
): Promise<HostEdit> {
  return addTo(await editContext('add', kind, text, filePath, domain), text);
}

/**
 * Removes exactly the lines `addRegistration` writes (each with its end of line), so that
 * adding then removing gives the original text back. `changed: false` when they are absent.
 * Throws like `addRegistration` when the file's shape leaves the registration ambiguous.
 */
export async function removeRegistration(
  kind: HostKind,
  text: string,
  filePath: string,
  domain: RegistrationDomain,
): Promise<HostEdit> {
  return removeFrom(await editContext('remove', kind, text, filePath, domain), text);
}

/**
 * The error to throw when a host file cannot be read: it names the file and shows the lines to
 * add by hand, like a file in the wrong shape (`HOST_FILE_UNEXPECTED_SHAPE`, exit 2).
 *
 * @example
 * throw hostFileMissing('bootstrap', 'src/bootstrap.ts', { className: 'Product', fileName: 'product' });
 */
export function hostFileMissing(kind: HostKind, filePath: string, domain: RegistrationDomain): LayeredError {
  const host = HOSTS[kind];
  return missingHostFile(host, filePath, host.registration(domain));
}
