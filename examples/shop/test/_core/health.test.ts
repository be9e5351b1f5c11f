import { describe, expect, it } from 'vitest';

import { createTestApp } from './support/app.js';

describe('health', () => {
  it('reports liveness', async () => {
    const response = await createTestApp().app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { status: 'ok' } });
  });

  it('is ready when the database answers', async () => {
    const response = await createTestApp().app.request('/api/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { status: 'ok' } });
  });

  it('is not ready when the database is unreachable', async () => {
    const { app } = createTestApp({ databaseUrl: 'mysql://root@127.0.0.1:1/nowhere' });
    const response = await app.request('/api/health/ready');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });
});

describe('docs', () => {
  const { app } = createTestApp();

  it('serves an OpenAPI 3.1 document', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/health/ready', '/api/test/items']),
    );
  });

  it.each([
    ['/api/docs', 'text/html', '/api/docs/scalar.js'],
    ['/api/docs-swagger', 'text/html', '/api/docs-swagger/swagger-ui-bundle.js'],
    ['/api/docs/scalar.js', 'text/javascript', ''],
    ['/api/docs-swagger/swagger-ui.css', 'text/css', ''],
    ['/api/docs-swagger/swagger-ui-bundle.js', 'text/javascript', ''],
    ['/api/docs-swagger/swagger-ui-standalone-preset.js', 'text/javascript', ''],
  ])('serves %s from installed packages', async (path, type, reference) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    const body = await response.text();
    expect(body).toContain(reference);
    if (type === 'text/html') expect(body).not.toMatch(/https?:\/\//);
  });

  it('serves no other file from the Swagger UI folder', async () => {
    expect((await app.request('/api/docs-swagger/package.json')).status).toBe(404);
  });
});
