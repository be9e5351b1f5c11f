import type { EditContext } from './context.js';
import { applySplices, deleteLine, lineOf, type Splice } from './lines.js';
import { refuseStrayCalls, type HostEdit } from './result.js';

/**
 * Deletes the lines `addTo` writes: the top-level call(s) and the import of the domain's
 * identifier from the domain's module. Anything else (leading comments, blank lines) stays.
 */
export function removeFrom(ctx: EditContext, text: string): HostEdit {
  const { layout, registration } = ctx;
  refuseStrayCalls(ctx, 'remove');
  const splices: Splice[] = [];
  for (const call of layout.domainCalls) {
    if (call.importName === registration.importName) splices.push(deleteLine(text, ctx.statementLine(call.statement)));
  }
  for (const info of layout.imports) {
    if (info.modulePath !== registration.modulePath || !info.names.includes(registration.importName)) continue;
    if (info.names.length > 1 || info.hasOtherBindings) {
      const line = lineOf(layout.source, info.node.getStart(layout.source));
      throw ctx.shapeError(`the import of \`${registration.importName}\` at line ${line} also imports other names`);
    }
    splices.push(deleteLine(text, ctx.statementLine(info.node)));
  }
  return splices.length === 0
    ? { text, changed: false, notes: [] }
    : { text: applySplices(text, splices), changed: true, notes: [] };
}
