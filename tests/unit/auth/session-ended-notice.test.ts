import fs from 'node:fs';
import path from 'node:path';
import i18n from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import '../../../renderer/src/app/i18n';
import { SESSION_END_REASONS, sessionEndedNotice } from '../../../renderer/src/app/sessionEnded';
import { useSession } from '../../../renderer/src/stores/session';

vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

// Issue 12 (h6 item 4): the sign-in screen said "会话已过期" for every session.ended event, though the
// core says why (a disabled account, a lockout from 修改密码, an administrator's password reset).

const root = path.resolve(__dirname, '../../..');
/** every reason the core emits with session.ended, read from its source */
function coreReasons(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (p.endsWith('.ts'))
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/name: 'session\.ended', payload: \{ reason: '(\w+)' \}/g))
          found.add(m[1]);
    }
  };
  walk(path.join(root, 'electron/core'));
  return [...found].sort();
}

const signedIn = () =>
  useSession.setState({ phase: 'ready', user: { id: 2 } as never, notice: null, lastCallAt: Date.now() });

describe('why the session ended, on the sign-in screen', () => {
  it('each reason the core sends has its own translated notice', () => {
    const reasons = coreReasons();
    expect(reasons).toEqual(expect.arrayContaining(['disabled', 'locked', 'passwordReset']));
    expect([...SESSION_END_REASONS].sort()).toEqual(reasons);
    const notices = reasons.map((r) => sessionEndedNotice({ reason: r }));
    expect(new Set(notices).size).toBe(reasons.length);
    expect(notices).not.toContain('errors.sessionExpired');
    for (const lng of ['zh-CN', 'en'])
      for (const key of notices) expect(i18n.exists(key, { lng }), `${lng} ${key}`).toBe(true);
    expect(i18n.t(sessionEndedNotice({ reason: 'disabled' }), { lng: 'zh-CN' })).toContain('停用');
    expect(i18n.t(sessionEndedNotice({ reason: 'locked' }), { lng: 'zh-CN' })).toContain('锁定');
  });

  it('no reason, or one it does not know, reads as an expired session', () => {
    for (const p of [undefined, null, 'x', {}, { reason: 'toString' }, { reason: 42 }])
      expect(sessionEndedNotice(p)).toBe('errors.sessionExpired');
  });

  it('the store keeps the notice it is given, and expired by default', () => {
    signedIn();
    useSession.getState().expire(sessionEndedNotice({ reason: 'disabled' }));
    expect(useSession.getState()).toMatchObject({ phase: 'login', user: null, notice: 'errors.sessionEndedDisabled' });
    signedIn();
    useSession.getState().expire();
    expect(useSession.getState().notice).toBe('errors.sessionExpired');
  });
});
