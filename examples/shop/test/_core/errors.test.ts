import { describe, expect, it } from 'vitest';

import { MAX_BODY_BYTES } from '../../src/_core/interface/app.js';
import { createTestApp } from './support/app.js';

const { app } = createTestApp();

function post(body: string, contentType = 'application/json') {
  return app.request('/api/test/items', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}

describe('error responses', () => {
  it('answers an unknown route with a 404 problem', async () => {
    const response = await app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await problem(response)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route matches GET /api/nothing-here.',
      instance: '/api/nothing-here',
      code: 'ROUTE_NOT_FOUND',
      traceId: expect.stringMatching(
        /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/,
      ),
    });
  });

  it('renders application errors with their status and code', async () => {
    const response = await app.request('/api/test/missing');
    expect(response.status).toBe(404);
    expect(await problem(response)).toMatchObject({
      code: 'ORDER_ITEM_NOT_FOUND',
      detail: 'OrderItem 7 was not found.',
    });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await post('{"name": ');
    expect(response.status).toBe(400);
    expect(await problem(response)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers a wrong content type with 415', async () => {
    const response = await post('name=a', 'text/plain');
    expect(response.status).toBe(415);
    expect(await problem(response)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await post(JSON.stringify([{ name: 'x'.repeat(MAX_BODY_BYTES), price: 1 }]));
    expect(response.status).toBe(413);
    expect(await problem(response)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers validation failures with 422 and a pointer per field', async () => {
    const body = [
      { name: 'a', price: 1 },
      { name: 'b', price: 2 },
      { name: 'c', price: 'x' },
    ];
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(422);
    const details = await problem(response);
    expect(details).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect(details.errors).toEqual([{ pointer: '/2/price', message: expect.any(String) }]);
  });

  it('names unknown fields in a strict body', async () => {
    const response = await post(JSON.stringify([{ name: 'a', price: 1, colour: 'red' }]));
    expect(response.status).toBe(422);
    expect((await problem(response)).errors).toEqual([
      { pointer: '/0/colour', message: 'Unknown field "colour".' },
    ]);
  });

  it('hides the stack of an unexpected error outside development', async () => {
    const response = await app.request('/api/test/boom');
    expect(response.status).toBe(500);
    const details = await problem(response);
    expect(details).toMatchObject({
      code: 'INTERNAL_ERROR',
      detail: 'An unexpected error occurred.',
    });
    expect(JSON.stringify(details)).not.toContain('secret internals');
  });

  it('shows the stack in development', async () => {
    const { app: devApp } = createTestApp({ nodeEnv: 'development', logLevel: 'silent' });
    const details = (await (await devApp.request('/api/test/boom')).json()) as { detail: string };
    expect(details.detail).toContain('secret internals');
  });
});

describe('CORS', () => {
  it('is off unless origins are configured', async () => {
    const response = await app.request('/api/health', { headers: { Origin: 'https://a.test' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows configured origins with credentials, never * with credentials', async () => {
    const listed = createTestApp({ corsOrigins: ['https://a.test'] }).app;
    const ok = await listed.request('/api/health', { headers: { Origin: 'https://a.test' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://a.test');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');

    const any = createTestApp({ corsOrigins: ['*'] }).app;
    const open = await any.request('/api/health', { headers: { Origin: 'https://b.test' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
    expect(open.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
