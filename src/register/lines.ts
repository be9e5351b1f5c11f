import type { ts } from 'ts-morph';

/**
 * Whole-line splicing at offsets found in the syntax tree. Nothing here reprints code: every
 * byte outside the inserted or deleted line is kept, including the line's own end (LF or CRLF).
 */

/** A text change: replace `[start, end)` with `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The line holding one statement, with the statement alone on it (comments aside). */
export interface StatementLine {
  /** Offset of the first character of the first line. */
  start: number;
  /** Offset just past the last line's end of line (or the end of the file). */
  end: number;
  indent: string;
  /** The end of line of the last line; `undefined` when it is the file's last line without one. */
  eol: string | undefined;
}

/** Why a statement cannot be treated as a line of its own. */
export class SharedLineError extends Error {}

/**
 * Finds the lines a statement occupies and checks that only whitespace and comments share them.
 * Comments on those lines belong to the statement's line; comments on lines of their own do not.
 */
export function statementLine(tsApi: typeof ts, source: ts.SourceFile, node: ts.Node): StatementLine {
  const text = source.text;
  const nodeStart = node.getStart(source);
  const start = text.lastIndexOf('\n', nodeStart - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(start, nodeStart))?.[0] ?? '';
  let before = start + indent.length;
  // From the line break before the line: the compiler counts comments as leading only after one.
  for (const comment of tsApi.getLeadingCommentRanges(text, Math.max(start - 1, 0)) ?? []) {
    if (comment.pos >= start && comment.end <= nodeStart) before = comment.end;
  }
  if (!/^[ \t]*$/.test(text.slice(before, nodeStart))) {
    throw new SharedLineError(
      `line ${lineOf(source, nodeStart)} holds other code before \`${firstLine(node, source)}\``,
    );
  }
  let pos = node.end;
  for (const comment of tsApi.getTrailingCommentRanges(text, pos) ?? []) pos = comment.end;
  while (text[pos] === ' ' || text[pos] === '\t') pos += 1;
  if (pos === text.length) return { start, end: pos, indent, eol: undefined };
  if (text.startsWith('\r\n', pos)) return { start, end: pos + 2, indent, eol: '\r\n' };
  if (text[pos] === '\n') return { start, end: pos + 1, indent, eol: '\n' };
  throw new SharedLineError(`line ${lineOf(source, pos)} holds other code after \`${firstLine(node, source)}\``);
}

/** Inserts `content` as a new line just after the statement's line. */
export function insertLineAfter(at: StatementLine, content: string, fileEol: string): Splice {
  if (at.eol === undefined) return { start: at.end, end: at.end, text: `${fileEol}${at.indent}${content}` };
  return { start: at.end, end: at.end, text: `${at.indent}${content}${at.eol}` };
}

/** Inserts `content` as a new line just before the statement's line (after its leading comments). */
export function insertLineBefore(at: StatementLine, content: string, fileEol: string): Splice {
  return { start: at.start, end: at.start, text: `${at.indent}${content}${at.eol ?? fileEol}` };
}

/** Deletes the statement's line(s) with their end of line; at the end of the file, the one before. */
export function deleteLine(text: string, at: StatementLine): Splice {
  if (at.eol !== undefined || at.start === 0) return { start: at.start, end: at.end, text: '' };
  const eolLength = text[at.start - 2] === '\r' ? 2 : 1;
  return { start: at.start - eolLength, end: at.end, text: '' };
}

/** Applies non-overlapping splices, last first so offsets stay valid. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const splice of ordered) result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  return result;
}

/** The file's end of line: CRLF when its first line break is one, LF otherwise. */
export function fileEol(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

export function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line + 1;
}

function firstLine(node: ts.Node, source: ts.SourceFile): string {
  const nodeText = node.getText(source);
  const newline = nodeText.indexOf('\n');
  return newline === -1 ? nodeText : `${nodeText.slice(0, newline).trimEnd()} ...`;
}
