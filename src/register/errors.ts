import { ExitCode, LayeredError } from '../errors.js';
import type { HostBindings, HostDescriptor, Registration } from './hosts.js';

export const HOST_FILE_UNEXPECTED_SHAPE = 'HOST_FILE_UNEXPECTED_SHAPE';
export const REGISTRATION_NAME_TAKEN = 'REGISTRATION_NAME_TAKEN';

/** The two lines a registration consists of, in the file's style. */
export interface RegistrationLines {
  importLine: string;
  callLine: string;
}

export interface LineStyle {
  quote: string;
  semicolon: boolean;
}

export const DEFAULT_STYLE: LineStyle = { quote: "'", semicolon: true };

export function registrationLines(
  host: HostDescriptor,
  registration: Registration,
  bindings: HostBindings,
  style: LineStyle,
): RegistrationLines {
  const end = style.semicolon ? ';' : '';
  const { importName, modulePath } = registration;
  return {
    importLine: `import { ${importName} } from ${style.quote}${modulePath}${style.quote}${end}`,
    callLine: `${host.callText(importName, bindings, style.quote)}${end}`,
  };
}

/**
 * The host file is not in a shape we can edit safely: say which file and why, and show the
 * exact lines to add (or remove) by hand.
 */
export function unexpectedShape(
  action: 'add' | 'remove',
  host: HostDescriptor,
  filePath: string,
  reason: string,
  lines: RegistrationLines,
  bindings: HostBindings,
  hint: string = byHand(action, host, filePath, lines, bindings),
): LayeredError {
  const verb = action === 'add' ? 'register' : 'unregister';
  const message = `Cannot ${verb} the domain in ${filePath}: ${reason}.`;
  return new LayeredError(HOST_FILE_UNEXPECTED_SHAPE, message, {
    exitCode: ExitCode.Conflict,
    file: filePath,
    hint,
  });
}

export function nameTaken(
  host: HostDescriptor,
  filePath: string,
  registration: Registration,
  importedFrom: string,
  lines: RegistrationLines,
  bindings: HostBindings,
): LayeredError {
  const message =
    `Cannot register the domain in ${filePath}: \`${registration.importName}\` is already imported ` +
    `from '${importedFrom}', not '${registration.modulePath}'.`;
  return new LayeredError(REGISTRATION_NAME_TAKEN, message, {
    exitCode: ExitCode.Conflict,
    file: filePath,
    hint: `Rename or remove that import, or wire the domain by hand.\n${byHand('add', host, filePath, lines, bindings)}`,
  });
}

function byHand(
  action: 'add' | 'remove',
  host: HostDescriptor,
  filePath: string,
  lines: RegistrationLines,
  bindings: HostBindings,
): string {
  const where = `inside ${host.functionName}, before \`return ${bindings.variable};\``;
  if (action === 'add') {
    return [
      `Add these lines to ${filePath} by hand:`,
      `  ${lines.importLine}`,
      `  ${lines.callLine}   (${where})`,
      `or restore the shape \`layered init\` writes and run the command again.`,
    ].join('\n');
  }
  return [`Remove these lines from ${filePath} by hand:`, `  ${lines.importLine}`, `  ${lines.callLine}`].join('\n');
}

/**
 * For the caller that reads the host file: it is gone (renamed, moved). Same code and hint as a
 * file in the wrong shape, so the user gets the lines to add wherever the registration now lives.
 */
export function missingHostFile(host: HostDescriptor, filePath: string, registration: Registration): LayeredError {
  const lines = registrationLines(host, registration, host.defaults, DEFAULT_STYLE);
  return unexpectedShape(
    'add',
    host,
    filePath,
    'the file does not exist (.layered/project.json names it)',
    lines,
    host.defaults,
  );
}
