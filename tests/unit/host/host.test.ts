import http from 'node:http';
import { describe, expect } from 'vitest';
import type { RunningHost } from '../../../electron/host';
import { test } from './support';

/** A tiny cookie-keeping client, as a browser tab would be. */
function browser(host: RunningHost) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (v) jar.set(k, v);
      else jar.delete(k);
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    jar,
    get: async (p: string) => keep(await fetch(host.url + p, { headers: { cookie: cookie() }, redirect: 'manual' })),
    call: async (channel: string, input: unknown = {}) =>
      keep(
        await fetch(`${host.url}/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookie() },
          body: JSON.stringify(input),
        }),
      ).json(),
  };
}

function rawGet(host: RunningHost, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: '/', headers: { host: hostHeader } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('local HTTP host', () => {
  test('binds 127.0.0.1 and refuses other Host headers (DNS rebinding)', async ({ host }) => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await rawGet(host, 'evil.example:80')).toBe(421);
    expect(await rawGet(host, `127.0.0.1:${host.port}`)).toBe(401);
  });

  test('requires the per-launch token, given once in the URL then kept as an HttpOnly cookie', async ({ host }) => {
    const b = browser(host);
    expect((await b.get('/')).status).toBe(401);
    expect((await b.get('/?token=wrong')).status).toBe(401);
    const redeem = await fetch(host.openUrl, { redirect: 'manual' });
    expect(redeem.status).toBe(302);
    expect(redeem.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
    expect(redeem.headers.getSetCookie()[0]).toMatch(/SameSite=Strict/i);
    await b.get(`/?token=${host.token}`);
    const page = await b.get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>app</title>');
  });

  test('serves the dispatcher with the session in an HttpOnly cookie', async ({ host }) => {
    const b = browser(host);
    await b.get(`/?token=${host.token}`);
    expect((await b.call('auth.status')).data.needsSetup).toBe(true);
    const setup = await b.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    expect(setup.ok).toBe(true);
    expect(b.jar.get('kh_session')).toBeTruthy();
    expect(JSON.stringify(setup)).not.toContain(b.jar.get('kh_session'));
    expect((await b.call('user.list')).data.items).toHaveLength(1);

    const other = browser(host);
    await other.get(`/?token=${host.token}`);
    expect(await other.call('user.list')).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' },
    });

    expect((await b.call('auth.logout')).ok).toBe(true);
    expect(b.jar.has('kh_session')).toBe(false);
  });

  test('streams events to the signed-in user over /api/events', async ({ env, host }) => {
    const { res, reader } = await signedInStream(host);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    env.core.events.emit({ name: 'import.progress', payload: { done: 5 }, userId: 1 });
    env.core.events.emit({ name: 'not.mine', payload: {}, userId: 99 });
    env.core.events.emit({ name: 'for.everyone', payload: 1 });
    let text = '';
    while (!text.includes('for.everyone')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: import.progress\ndata: {"done":5}');
    expect(text).not.toContain('not.mine');
    await reader.cancel();
  });

  test('ends a stream whose session ended: its later events are not sent to it', async ({ env, host }) => {
    const { b, reader } = await signedInStream(host);
    expect((await b.call('auth.logout')).ok).toBe(true);
    env.core.events.emit({ name: 'for.everyone', payload: 'secret' });
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).not.toContain('secret');
  });
});

describe('closing the host', () => {
  test('ends open event streams instead of waiting for them', async ({ host }) => {
    const { reader } = await signedInStream(host);
    await host.close(); // would hang here if the stream were left open
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

/** The first administrator set up in a browser, and its open event stream (past ': connected'). */
async function signedInStream(host: Parameters<typeof browser>[0]) {
  const b = browser(host);
  await b.get(`/?token=${host.token}`);
  await b.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
  const res = await fetch(`${host.url}/api/events`, {
    headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  const reader = res.body!.getReader();
  await reader.read(); // ': connected'
  return { b, res, reader };
}
