import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { cliDevDependency, RELEASE_STAMP } from '../../src/commands/init/cli-dependency.js';
import { cliVersion, templatesRoot } from '../../src/package-info.js';
import { renderTemplateTree } from '../../src/render/template-tree.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

async function generatedManifest(cliDependency: string | undefined) {
  const files = await renderTemplateTree(path.join(templatesRoot, 'project'), { projectName: 'shop', databaseUrl: 'sqlite:./dev.db', cliVersion: cliVersion(), cliDependency });
  const text = (name: string) => files.find((file) => file.path === name)?.content ?? '';
  return { manifest: JSON.parse(text('package.json')) as { devDependencies: Record<string, string> }, readme: text('README.md') };
}

describe('the CLI as a devDependency of the projects it writes', () => {
  it('is the exact version when the package was published (npm publish stamped it)', async () => {
    const root = await tempDir('published');
    await writeFile(path.join(root, RELEASE_STAMP), '{ "registry": true }\n');

    expect(cliDevDependency(root)).toBe(cliVersion());
    const { manifest, readme } = await generatedManifest(cliDevDependency(root));
    expect(manifest.devDependencies['layered']).toBe(cliVersion());
    expect(readme).toContain(`pins in its devDependencies (${cliVersion()}`);
  });

  it('is left out for a tarball or a clone, which npm cannot install by version, and the README says how to pin', async () => {
    const root = await tempDir('unpublished');

    expect(cliDevDependency(root)).toBeUndefined();
    const { manifest, readme } = await generatedManifest(cliDevDependency(root));
    expect(manifest.devDependencies).not.toHaveProperty('layered');
    expect(readme).toContain('`npx layered` runs the `layered` on your PATH');
    expect(readme).toContain(`npm install --save-dev ./layered-${cliVersion()}.tgz`);
  });
});
