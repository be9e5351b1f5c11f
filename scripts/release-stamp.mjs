#!/usr/bin/env node
// Marks the package as published to the registry while, and only while, `npm publish` packs
// it: prepack writes release.json when npm_command is "publish" (npm sets it for lifecycle
// scripts), postpack (`--remove`) deletes it once the tarball is made, so the checkout is never
// left stamped. `layered init` pins the exact version in the projects it writes only when the
// stamp is there (src/commands/init/cli-dependency.ts): a tarball from `npm pack` or a clone
// cannot be installed by that version.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const stamp = fileURLToPath(new URL('../release.json', import.meta.url));
if (process.env.npm_command === 'publish' && !process.argv.includes('--remove')) writeFileSync(stamp, `${JSON.stringify({ registry: true })}\n`);
else rmSync(stamp, { force: true });
