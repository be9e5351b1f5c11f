import { parentPort } from 'node:worker_threads';

import { formatFiles } from './format.js';
import type { FormatRequest, FormatResponse } from './formatter.js';

// The formatter's thread (see formatter.ts): each request answered, by id, with the formatted contents.
const port = parentPort;
if (port === null) throw new Error('format-worker.js runs as a worker thread.');

// Until the request comes (the main thread is still rendering), load prettier's parser and
// printer and run them once, so that the real files meet compiled code.
const WARM_UP = "import { a } from './a.js';\nexport const b = { c: [1, 2], d: async (e: string): Promise<number> => (e ? a(e) : 0) };\n";
const warm = formatFiles('/', [{ path: 'warm-up.ts', content: WARM_UP }]).catch(() => undefined);

port.on('message', (request: FormatRequest) => {
  warm
    .then(() => formatFiles(request.root, request.files))
    .then(
      (files): FormatResponse => ({ id: request.id, files: files.map((file) => file.content) }),
      (error: Error): FormatResponse => ({ id: request.id, error: { message: error.message, stack: error.stack } }),
    )
    .then((response) => port.postMessage(response));
});
