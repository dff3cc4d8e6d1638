import http from 'node:http';
import { describe, expect } from 'vitest';
import type { RunningHost } from '../../../electron/host';
import { snapshot } from '../support/test-core';
import { test } from './support';

interface Raw {
  status: number;
  type: string;
  body: string;
}

/** A raw request (node:http, so nothing adds or fixes headers): the host token, then what is given. */
function raw(
  host: RunningHost,
  channelPath: string,
  headers: Record<string, string>,
  body?: string | Buffer,
  method = 'POST',
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method,
        path: channelPath,
        headers: { host: `127.0.0.1:${host.port}`, 'x-host-token': host.token, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
const json = { 'content-type': 'application/json' };

function expectRefusal(r: Raw, status: number, code: string, messageKey: string) {
  expect(r.status).toBe(status);
  expect(r.type).toContain('application/json');
  expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code, messageKey } });
}

describe('every /api failure answers in the contract shape', () => {
  test('malformed JSON and prototype poisoning: 400 BAD_REQUEST', async ({ host }) => {
    expectRefusal(await raw(host, '/api/auth.status', json, '{"a":'), 400, 'BAD_REQUEST', 'errors.badRequest');
    expectRefusal(await raw(host, '/api/auth.status', json, 'nul'), 400, 'BAD_REQUEST', 'errors.badRequest');
    expectRefusal(
      await raw(host, '/api/auth.status', json, '{"__proto__":{"x":1}}'),
      400,
      'BAD_REQUEST',
      'errors.badRequest',
    );
  });

  test('content types other than JSON, or a body without one: 415 BAD_REQUEST', async ({ host }) => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
    ]) {
      expectRefusal(
        await raw(host, '/api/auth.status', { 'content-type': type }, '{}'),
        415,
        'BAD_REQUEST',
        'errors.badContentType',
      );
    }
    expectRefusal(await raw(host, '/api/auth.status', {}, '{}'), 415, 'BAD_REQUEST', 'errors.badContentType');
  });

  test('no body, or an empty JSON body, is {}', async ({ host }) => {
    for (const [headers, body] of [
      [json, ''],
      [json, ' \n'],
      [{}, undefined],
    ] as const) {
      const r = await raw(host, '/api/auth.status', headers, body);
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { needsSetup: true } });
    }
  });

  test('a body over the limit: 413 BAD_REQUEST, nothing done', async ({ env, host }) => {
    const before = snapshot(env.core);
    const big = Buffer.alloc(51 * 1024 * 1024, 0x20);
    expectRefusal(await raw(host, '/api/auth.status', json, big), 413, 'BAD_REQUEST', 'errors.bodyTooLarge');
    expect(snapshot(env.core)).toBe(before);
  });

  test('unknown /api paths and methods: UNKNOWN_CHANNEL (404 when no route matched)', async ({ host }) => {
    expectRefusal(
      await raw(host, '/api/auth.status', {}, undefined, 'GET'),
      404,
      'UNKNOWN_CHANNEL',
      'errors.unknownChannel',
    );
    expectRefusal(await raw(host, '/api/a/b', json, '{}'), 404, 'UNKNOWN_CHANNEL', 'errors.unknownChannel');
    // a POST to /api/<name> reaches the dispatcher, which answers every refusal with 200
    for (const p of ['/api/no.such', '/api/', '/api/__proto__']) {
      expect(JSON.parse((await raw(host, p, json, '{}')).body), p).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel' },
      });
    }
  });

  test('a missing host token: 401 UNAUTHENTICATED, and the event stream too', async ({ host }) => {
    expectRefusal(
      await raw(host, '/api/auth.status', { ...json, 'x-host-token': 'wrong' }, '{}'),
      401,
      'UNAUTHENTICATED',
      'errors.hostToken',
    );
    expectRefusal(
      await raw(host, '/api/events', {}, undefined, 'GET'),
      401,
      'UNAUTHENTICATED',
      'errors.unauthenticated',
    );
  });
});

describe('a foreign Host header (DNS rebinding)', () => {
  test('is refused with 421 before dispatch, on /api in the contract shape, elsewhere as plain text', async ({
    env,
    host,
  }) => {
    const setup = JSON.stringify({ username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    const before = snapshot(env.core);
    for (const name of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1.evil.example:${host.port}`,
    ]) {
      expectRefusal(
        await raw(host, '/api/auth.setup', { ...json, host: name }, setup),
        421,
        'BAD_REQUEST',
        'errors.misdirected',
      );
    }
    expect(snapshot(env.core)).toBe(before);
    const page = await raw(host, '/', { host: 'evil.example' }, undefined, 'GET');
    expect(page).toMatchObject({
      status: 421,
      type: expect.stringContaining('text/plain'),
      body: 'Misdirected request',
    });
  });
});

describe('foreign Origin', () => {
  test('is refused with 403 before dispatch; our own origins and no Origin are served', async ({ env, host }) => {
    const setup = JSON.stringify({ username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    const before = snapshot(env.core);
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${host.port + 1}`,
      `https://127.0.0.1:${host.port}`,
      `http://127.0.0.1:${host.port}.evil.example`,
    ]) {
      expectRefusal(
        await raw(host, '/api/auth.setup', { ...json, origin }, setup),
        403,
        'FORBIDDEN',
        'errors.foreignOrigin',
      );
    }
    expect(snapshot(env.core)).toBe(before);
    expect((await raw(host, '/', { origin: 'http://evil.example' }, undefined, 'GET')).status).toBe(403);

    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      const r = await raw(host, '/api/auth.status', { ...json, origin }, '{}');
      expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    }
    expect(JSON.parse((await raw(host, '/api/auth.setup', json, setup)).body)).toMatchObject({ ok: true });
  });
});
