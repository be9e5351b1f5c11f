import { LayeredError } from '../../errors.js';
import type { Project } from '../../project.js';
import { domainNames, type Access, type DomainSpec } from '../../spec/index.js';

/** Tables the auth feature's migration creates. */
const AUTH_TABLES = ['user', 'refresh_token'];

/**
 * The spec with its route policy settled: `--access` wins over the spec file's `access`; with
 * auth the default is `user` (a new domain is closed until opened on purpose), without auth
 * only `public` makes sense and is left implicit, so such manifests stay as they were.
 */
export function withAccess(spec: DomainSpec, flag: Access | undefined, project: Project): DomainSpec {
  const access = flag ?? spec.access;
  if (project.config.features?.includes('auth')) {
    if (AUTH_TABLES.includes(domainNames(spec.name).tableName)) {
      throw new LayeredError('DOMAIN_NAME_TAKEN_BY_AUTH', `The domain "${spec.name}" would use the table auth keeps its ${spec.name === 'user' ? 'users' : 'sessions'} in.`, {
        hint: 'Choose another name (e.g. `account` or `member`); auth already provides users and their sessions.',
      });
    }
    return { ...spec, access: access ?? 'user' };
  }
  if (access !== undefined && access !== 'public') {
    throw new LayeredError('ACCESS_NEEDS_AUTH', `--access ${access} needs auth, which this project does not have.`, {
      hint: 'Run `layered add auth` first, or leave --access out: without auth every route is public.',
    });
  }
  const { access: _public, ...rest } = spec;
  return rest;
}
