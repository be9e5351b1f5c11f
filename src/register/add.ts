import { nameTaken } from './errors.js';
import { endsWithSemicolon, quoteOf, type EditContext } from './context.js';
import { applySplices, fileEol, insertLineAfter, insertLineBefore, type Splice } from './lines.js';
import { placeSorted } from './placement.js';
import { refuseStrayCalls, type HostEdit } from './result.js';

/** Adds whichever of the import and the call is missing (both, one, or none). */
export function addTo(ctx: EditContext, text: string): HostEdit {
  const { layout, registration } = ctx;
  refuseStrayCalls(ctx, 'add');
  const notes: string[] = [];
  const splices: Splice[] = [];
  const eol = fileEol(text);

  const imported = layout.imports.find((info) => info.names.includes(registration.importName));
  if (imported !== undefined && imported.modulePath !== registration.modulePath) {
    throw nameTaken(ctx.host, ctx.filePath, registration, imported.modulePath, ctx.lines, layout.bindings);
  }
  if (imported === undefined) splices.push(importSplice(ctx, eol, notes));
  if (!layout.domainCalls.some((call) => call.importName === registration.importName)) {
    splices.push(callSplice(ctx, eol, notes));
  }
  return splices.length === 0
    ? { text, changed: false, notes }
    : { text: applySplices(text, splices), changed: true, notes };
}

/**
 * Among the domain imports by module path, compared segment by segment so that `./order/...`
 * comes before `./order-item/...` (as the calls do: `Order` before `OrderItem`); after the last
 * import of the file when there are none yet.
 */
function importSplice(ctx: EditContext, eol: string, notes: string[]): Splice {
  const { layout, registration, host } = ctx;
  const domainImports = layout.imports.filter((info) => host.modulePathPattern.test(info.modulePath));
  const placement = placeSorted(
    domainImports,
    (info) => bySegment(info.modulePath),
    bySegment(registration.modulePath),
  );
  const neighbour = placement?.item.node ?? layout.imports.at(-1)?.node;
  if (neighbour === undefined) throw ctx.shapeError('it has no import declarations');
  const quote = quoteOf(layout.source, neighbour);
  const end = endsWithSemicolon(layout.source, neighbour) ? ';' : '';
  const line = `import { ${registration.importName} } from ${quote}${registration.modulePath}${quote}${end}`;
  if (placement?.unsorted === true) {
    notes.push(
      `The domain imports in ${ctx.filePath} are not sorted by path; added ${registration.importName}'s after the last one.`,
    );
  }
  const at = ctx.statementLine(neighbour);
  return placement?.where === 'before' ? insertLineBefore(at, line, eol) : insertLineAfter(at, line, eol);
}

/** Among the domain calls by class name; right after the core variable when there are none yet. */
function callSplice(ctx: EditContext, eol: string, notes: string[]): Splice {
  const { layout, registration, host } = ctx;
  const placement = placeSorted(layout.domainCalls, (call) => call.className, ctx.domain.className);
  const neighbour = placement?.item.statement ?? layout.anchor;
  const end = endsWithSemicolon(layout.source, neighbour) ? ';' : '';
  const line = `${host.callText(registration.importName, layout.bindings, ctx.style.quote)}${end}`;
  if (placement?.unsorted === true) {
    notes.push(
      `The domain registrations in ${host.functionName} (${ctx.filePath}) are not sorted; added ${registration.importName} after the last one.`,
    );
  }
  const at = ctx.statementLine(neighbour);
  return placement?.where === 'before' ? insertLineBefore(at, line, eol) : insertLineAfter(at, line, eol);
}

/** `/` becomes the smallest character, so a shorter segment sorts before its longer namesakes. */
function bySegment(modulePath: string): string {
  return modulePath.replaceAll('/', '\0');
}
