import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { ExitCode, LayeredError } from '../../errors.js';
import { migrationName } from '../../generate/migration-name.js';
import { editRegistrations } from '../../generate/register-domain.js';
import { templatesRoot } from '../../package-info.js';
import { Tree } from '../../plan/index.js';
import type { Project } from '../../project.js';
import { renderTemplateTree } from '../../render/template-tree.js';
import { domainNames } from '../../spec/index.js';
import type { Feature } from '../feature.js';
import { addDependencies, appendLines, inProject, recordFeature } from '../project-edits.js';

/** Newest versions that run on Node 20 (ioredis 6 and rate-limiter-flexible 11 say >= 20). */
export const AUTH_DEPENDENCIES = {
  ioredis: '^6.1.0',
  'rate-limiter-flexible': '^11.4.0',
};

const ENV_EXAMPLE = `# Auth. JWT_SECRET signs access tokens: at least 32 random bytes, required outside
# development (e.g. openssl rand -base64 48); never commit the real one
JWT_SECRET=
JWT_ISSUER=api
JWT_AUDIENCE=api
ACCESS_TOKEN_TTL_SECONDS=900
REFRESH_TOKEN_TTL_DAYS=30
# open, or closed to turn POST /api/v1/auth/register off
AUTH_REGISTRATION=open
# Failed logins per email and address before 429, and how long (s) the block lasts
LOGIN_MAX_FAILURES=20
LOGIN_BLOCK_SECONDS=900
# log2 of scrypt's N for new password hashes (17 = OWASP's minimum)
PASSWORD_HASH_COST=17
# Set it so that every instance shares the login limiter's counts
REDIS_URL=
`;

export const authFeature: Feature = {
  name: 'auth',
  next: 'Added auth. Next: npm install, npm run migrate, then POST /api/v1/auth/register (see the README for --access on layered new).',
  async plan(project: Project): Promise<Tree> {
    const { root, config } = project;
    const tree = new Tree(root);
    const migration = await migrationName(root, config.migrations, 'auth');
    const files = await renderTemplateTree(path.join(templatesRoot, 'features', 'auth'), { migrationName: migration });
    for (const file of files) {
      const placed = inProject(config, file);
      tree.create(placed.path, placed.content);
    }
    // Wired like a domain named `auth`: `registerAuthModule` and `createAuthRouter`.
    const registrations = await editRegistrations('add', tree, config, domainNames('auth'));
    if (registrations.every((r) => !r.changed)) {
      throw new LayeredError('FEATURE_REGISTERED', `auth is already wired in ${config.serverContainer} and ${config.bootstrap}, but .layered/project.json does not list it.`, {
        hint: 'Add "auth" to "features" in .layered/project.json if it is really there, or remove its lines from both files.',
        exitCode: ExitCode.Conflict,
      });
    }
    addDependencies(tree, AUTH_DEPENDENCIES);
    appendLines(tree, '.env.example', ENV_EXAMPLE);
    if (!/^JWT_SECRET=/m.test(tree.read('.env') ?? '')) appendLines(tree, '.env', `JWT_SECRET=${randomBytes(48).toString('base64url')}\n`);
    recordFeature(tree, 'auth');
    return tree;
  },
};
