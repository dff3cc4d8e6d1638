import { beforeEach, describe, expect, it, vi } from 'vitest';

// Issue 18: a page on another PC (or this PC's browser) whose server stops answering keeps what
// was typed; the call waits for the server and is sent again under the same request key, and a
// session the restarted server no longer knows is asked for again in place.

interface Sent {
  channel: string;
  key: string | undefined;
}
const sent: Sent[] = [];
let answers: unknown[] = [];
const UNANSWERED = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.network' } };

vi.mock('../../../renderer/src/api/transport', () => ({
  send: async (channel: string, _input: unknown, key?: string) => {
    sent.push({ channel, key });
    const next = answers.shift();
    if (next === UNANSWERED) {
      const { serverUnreachable } = await import('../../../renderer/src/stores/connection');
      serverUnreachable();
    }
    return next;
  },
  desktopBridge: () => undefined,
  isUnanswered: (r: unknown) => r === UNANSWERED,
  NETWORK_ERROR: UNANSWERED,
  overHttp: () => true,
}));

const { call } = await import('../../../renderer/src/api/client');
const { useSession } = await import('../../../renderer/src/stores/session');
const { useConnection, serverAnswered } = await import('../../../renderer/src/stores/connection');
const { useReauth, endSignInAgain } = await import('../../../renderer/src/stores/reauth');

const user = {
  id: 1,
  username: 'wangxiao',
  displayName: '业务员小王',
  locale: 'zh-CN' as const,
  roles: ['clerk'],
  permissions: [],
};
const created = { ok: true, data: { id: 7 } };
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  sent.length = 0;
  answers = [];
  useSession.setState({ phase: 'ready', user, notice: null });
  useConnection.setState({ reachable: true, lostAt: null });
  useReauth.setState({ open: false });
});

describe('a signed-in call while the server does not answer', () => {
  it('waits for the server, then is sent again under the same key; the banner state follows', async () => {
    answers = [UNANSWERED, created];
    const pending = call('customer.create', {} as never);
    await tick();
    expect(useConnection.getState().reachable).toBe(false);
    expect(sent).toHaveLength(1);
    serverAnswered();
    await expect(pending).resolves.toEqual({ id: 7 });
    expect(sent).toHaveLength(2);
    expect(sent[0].key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(sent[1].key).toBe(sent[0].key);
    expect(useConnection.getState().reachable).toBe(true);
  });

  it('two calls get two keys', async () => {
    answers = [created, created];
    await call('customer.create', {} as never);
    await call('customer.create', {} as never);
    expect(sent[0].key).not.toBe(sent[1].key);
  });

  it('a restarted server that no longer knows the session: sign in again in place, then the same call goes on', async () => {
    answers = [{ ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' } }, created];
    const pending = call('customer.create', {} as never);
    await tick();
    expect(useReauth.getState().open).toBe(true);
    expect(useSession.getState().phase).toBe('ready');
    endSignInAgain(true);
    await expect(pending).resolves.toEqual({ id: 7 });
    expect(sent.map((s) => s.key)).toEqual([sent[0].key, sent[0].key]);
  });

  it('cancelling the sign-in goes to the sign-in screen; the call is refused', async () => {
    answers = [{ ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' } }];
    const pending = call('customer.create', {} as never);
    await tick();
    endSignInAgain(false);
    await expect(pending).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(useSession.getState().phase).toBe('login');
    expect(sent).toHaveLength(1);
  });

  it('an idle session that expired is not asked for in place (the sign-in screen, as before)', async () => {
    answers = [{ ok: false, error: { code: 'SESSION_EXPIRED', messageKey: 'errors.sessionExpired' } }];
    await expect(call('customer.create', {} as never)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(useReauth.getState().open).toBe(false);
    expect(useSession.getState().phase).toBe('login');
  });

  it('a public call does not wait: it says the server did not answer', async () => {
    answers = [UNANSWERED];
    await expect(call('auth.login', { username: 'a', password: 'b' })).rejects.toMatchObject({
      messageKey: 'errors.network',
    });
    expect(sent).toHaveLength(1);
  });

  it('a change the server already made under its key is said as such', async () => {
    answers = [UNANSWERED, { ok: false, error: { code: 'ALREADY_DONE', messageKey: 'errors.alreadyDone' } }];
    const pending = call('customer.create', {} as never);
    await tick();
    serverAnswered();
    await expect(pending).rejects.toMatchObject({ messageKey: 'errors.alreadyDone' });
  });

  it('signed out while the dialog waits: it closes, and the call is not sent as whoever signs in next', async () => {
    answers = [{ ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' } }, created];
    const pending = call('customer.create', {} as never);
    await tick();
    expect(useReauth.getState().open).toBe(true);
    useSession.getState().expire();
    expect(useReauth.getState().open).toBe(false);
    useSession.setState({ phase: 'ready', user: { ...user, id: 2, username: 'linjing' } });
    await expect(pending).rejects.toBeDefined();
    expect(sent).toHaveLength(1);
  });

  it('a call waiting for the server is not sent again once another person is signed in', async () => {
    answers = [UNANSWERED, created];
    const pending = call('customer.create', {} as never);
    await tick();
    useSession.setState({ phase: 'ready', user: { ...user, id: 2, username: 'linjing' } });
    serverAnswered();
    await expect(pending).rejects.toMatchObject({ messageKey: 'errors.network' });
    expect(sent).toHaveLength(1);
  });
});
