import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { LayeredError } from '../errors.js';

/** A spec file's raw content, with a way to find the line of any path in it. */
export interface LoadedSpecFile {
  file: string;
  data: unknown;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Reads a `.yaml`, `.yml` or `.json` spec file. Syntax errors name the file and line; the
 * content is validated afterwards by the schema (see `parseDomainSpec`), whose errors get the
 * line of the offending value through `lineOf`.
 *
 * JSON is parsed by the YAML parser too (JSON is YAML 1.2), which gives line numbers for both;
 * `JSON.parse` runs first on .json files so that YAML-only syntax is refused there.
 *
 * @example const { data } = await readSpecFile('specs/product.yaml');
 */
export async function readSpecFile(file: string): Promise<LoadedSpecFile> {
  const extension = path.extname(file).toLowerCase();
  if (!EXTENSIONS.includes(extension)) {
    throw new LayeredError('SPEC_FILE_EXTENSION', `Spec file ${file} is not .yaml, .yml or .json.`, { hint: 'Rename it with the extension of its format, e.g. product.yaml.', file });
  }
  const text = await readText(file);
  if (text.trim() === '') {
    throw new LayeredError('SPEC_FILE_EMPTY', `Spec file ${file} is empty.`, { hint: 'Write { name, fields: [{ name, type }] } in it.', file });
  }
  if (extension === '.json') {
    try {
      JSON.parse(text);
    } catch (error) {
      const line = jsonErrorLine(text, error);
      const reason = (error as Error).message.replace(/\s+/g, ' ');
      throw new LayeredError('SPEC_FILE_SYNTAX', `${file}${line === undefined ? '' : `:${line}`}: invalid JSON: ${reason}`, { hint: 'Fix the JSON syntax (double-quoted keys, no trailing commas).', file, cause: error });
    }
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [syntax] = document.errors;
  if (syntax !== undefined) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new LayeredError('SPEC_FILE_SYNTAX', `${file}:${line}: invalid ${extension === '.json' ? 'JSON' : 'YAML'}: ${syntax.message.split('\n')[0]}`, { hint: 'Fix the syntax on that line (indentation, a missing colon, a duplicate key).', file, cause: syntax });
  }
  return {
    file,
    data: document.toJS(),
    lineOf: (at) => {
      for (let depth = at.length; depth >= 0; depth--) {
        const node = document.getIn(at.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node?.range !== undefined) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LayeredError('SPEC_FILE_NOT_FOUND', `Spec file ${file} does not exist.`, { hint: 'Check the path given to --spec (it is relative to the current directory).', file, cause: error });
    if (code === 'EISDIR') throw new LayeredError('SPEC_FILE_NOT_FOUND', `Spec file ${file} is a directory.`, { hint: 'Give --spec the path of a .yaml or .json file.', file, cause: error });
    throw new LayeredError('SPEC_FILE_UNREADABLE', `Spec file ${file} cannot be read (${code ?? 'error'}).`, { hint: 'Check the file permissions.', file, cause: error });
  }
}

/** Node reports JSON errors by line, by character position, or (some on Node 20) by neither. */
function jsonErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line?.[1] !== undefined) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return text.slice(0, Number(position[1])).split('\n').length;
  // Node 20 leaves the position out of some messages; the YAML parser usually finds the spot.
  const lineCounter = new LineCounter();
  const [yamlError] = parseDocument(text, { lineCounter }).errors;
  return yamlError === undefined ? undefined : lineCounter.linePos(yamlError.pos[0]).line;
}
