import type { EditContext } from './context.js';

/** The edited text of one host file. */
export interface HostEdit {
  text: string;
  /** False when the text is returned as it came (already registered, or nothing to remove). */
  changed: boolean;
  /** Choices worth telling the user, e.g. where a line went when the existing ones are not sorted. */
  notes: string[];
}

/**
 * A call of the domain's identifier outside the top-level list (inside an `if`, a loop, a
 * callback) means the user took over this registration: we cannot tell whether the domain is
 * registered, so we stop rather than add a second, unconditional one or delete half of theirs.
 * Calls of other domains in such places are left alone and do not block anything.
 */
export function refuseStrayCalls(ctx: EditContext, action: 'add' | 'remove'): void {
  const { layout, registration, host } = ctx;
  const stray = layout.strayCalls.find((call) => call.importName === registration.importName);
  if (stray === undefined) return;
  const { variable } = layout.bindings;
  const reason =
    `\`${registration.importName}(...)\` is called at line ${stray.line}, inside a nested block of ` +
    `${host.functionName} (an \`if\`, a loop, a callback); layered only edits top-level calls between ` +
    `\`const ${variable} = ${host.coreFactory}(...)\` and \`return ${variable};\``;
  const hint =
    action === 'add'
      ? [
          `This registration is yours: layered leaves it alone. Make sure ${ctx.filePath} has:`,
          `  ${ctx.lines.importLine}`,
          `  ${ctx.lines.callLine}   (where you want it to run)`,
        ].join('\n')
      : undefined;
  throw ctx.shapeError(reason, hint);
}
