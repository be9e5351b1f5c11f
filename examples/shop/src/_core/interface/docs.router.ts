import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { Hono } from 'hono';

import type { AppEnv } from './app-env.js';

const require = createRequire(import.meta.url);
const scalarBundle = require.resolve('@scalar/api-reference/browser/standalone.js');
const swaggerFolder = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const swaggerAssets = ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'];

const scalarPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/api/docs/scalar.js"></script>
    <script>
      Scalar.createApiReference('#app', { url: '/api/openapi.json', withDefaultFonts: false });
    </script>
  </body>
</html>
`;

const swaggerPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference</title>
    <link rel="stylesheet" href="/api/docs-swagger/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs-swagger/swagger-ui-bundle.js"></script>
    <script src="/api/docs-swagger/swagger-ui-standalone-preset.js"></script>
    <script>
      SwaggerUIBundle({
        url: '/api/openapi.json',
        dom_id: '#swagger-ui',
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: 'StandaloneLayout',
      });
    </script>
  </body>
</html>
`;

/** Scalar at `/api/docs` and Swagger UI at `/api/docs-swagger`, served from node_modules. */
export function createDocsRouter() {
  const router = new Hono<AppEnv>();
  router.get('/api/docs', (c) => c.html(scalarPage));
  router.get('/api/docs/scalar.js', () => asset(scalarBundle));
  router.get('/api/docs-swagger', (c) => c.html(swaggerPage));
  router.get('/api/docs-swagger/:file', (c) => {
    const file = c.req.param('file');
    return swaggerAssets.includes(file) ? asset(path.join(swaggerFolder, file)) : c.notFound();
  });
  return router;
}

const cache = new Map<string, Promise<Buffer>>();

async function asset(file: string): Promise<Response> {
  let content = cache.get(file);
  if (!content) {
    content = readFile(file);
    cache.set(file, content);
  }
  const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
  return new Response(new Uint8Array(await content), {
    headers: { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'public, max-age=86400' },
  });
}
