import { readManifest, type Manifest } from '../../manifest.js';
import { findProject, listDomains } from '../../project.js';
import { specToCommandLine } from '../../prompts/command-line.js';

export interface ListOptions {
  json?: boolean;
  cwd: string;
}

export async function runList(options: ListOptions): Promise<void> {
  const { root } = await findProject(options.cwd);
  const manifests: Manifest[] = [];
  for (const name of await listDomains(root)) {
    const manifest = await readManifest(root, name);
    if (manifest) manifests.push(manifest);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ domains: manifests.map((m) => ({ name: m.spec.name, fields: m.spec.fields })) })}\n`);
    return;
  }
  if (manifests.length === 0) {
    process.stdout.write('No domains yet. Add one: layered new product name:string price:decimal\n');
    return;
  }
  for (const manifest of manifests) process.stdout.write(`${specToCommandLine(manifest.spec).replace(/^layered new /, '')}\n`);
}
