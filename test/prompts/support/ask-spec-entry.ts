/**
 * Runs promptForSpec on the terminal it is started in (the pty tests start it inside tmux) and
 * writes the spec as JSON to the file named by argv[2]. LAYERED_TEST_DOMAIN gives the domain (asked
 * when unset); LAYERED_TEST_EXISTING lists the project's domains, comma-separated. Errors print
 * and exit as the CLI does.
 */
import { writeFile } from 'node:fs/promises';

import { ExitCode, LayeredError } from '../../../src/errors.js';
import { printError } from '../../../src/output.js';
import { promptForSpec } from '../../../src/prompts/index.js';

const resultFile = process.argv[2];
if (resultFile === undefined) throw new Error('usage: ask-spec-entry <result.json>');
const existing = process.env['LAYERED_TEST_EXISTING'] ?? '';
try {
  const spec = await promptForSpec({ name: process.env['LAYERED_TEST_DOMAIN'], existingDomains: existing === '' ? [] : existing.split(',') });
  await writeFile(resultFile, `${JSON.stringify(spec, null, 2)}\n`);
} catch (error) {
  printError(error);
  process.exitCode = error instanceof LayeredError ? error.exitCode : ExitCode.Internal;
}
