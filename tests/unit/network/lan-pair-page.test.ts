import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PAIR_PAGE } from '../../../electron/lan/pair-page';

/** Runs the pairing page's script against a minimal page: the fragment, the form, fetch answering `answer`. */
async function runPage(hash: string, answer: unknown, typed?: string) {
  const script = /<script>([\s\S]*?)<\/script>/.exec(PAIR_PAGE.html)?.[1] ?? '';
  const sent: { url: string; body: unknown }[] = [];
  let submit: ((e: { preventDefault(): void }) => void) | null = null;
  let wentTo: string | null = null;
  let urlNow = `/pair${hash}`;
  const els = {
    msg: { textContent: '', className: '' },
    code: { value: typed ?? '' },
    f: { addEventListener: (_: string, fn: typeof submit) => (submit = fn) },
  };
  vm.runInNewContext(script, {
    document: { getElementById: (id: keyof typeof els) => els[id] },
    location: { hash, replace: (u: string) => (wentTo = u) },
    history: { replaceState: (_s: unknown, _t: string, u: string) => (urlNow = u) },
    fetch: (url: string, init: { body: string }) => {
      sent.push({ url, body: JSON.parse(init.body) });
      return Promise.resolve({ json: () => Promise.resolve(answer) });
    },
  });
  if (typed !== undefined) (submit as unknown as (e: { preventDefault(): void }) => void)({ preventDefault() {} });
  await new Promise((r) => setTimeout(r, 10));
  return { sent, wentTo, urlNow, msg: els.msg };
}

describe('the pairing page', () => {
  it('redeems the QR code token from the fragment, drops it from the address, and opens the app', async () => {
    const r = await runPage('#t=tok_EN-123&spki=abc%3D', { ok: true, data: { kind: 'browser' } });
    expect(r.sent).toEqual([{ url: '/pair/redeem', body: { token: 'tok_EN-123' } }]);
    expect(r.urlNow).toBe('/pair');
    expect(r.wentTo).toBe('/');
  });

  it('sends a typed code when there is no token, and says why a refusal came', async () => {
    const r = await runPage(
      '',
      { ok: false, error: { code: 'FORBIDDEN', messageKey: 'network.errors.pairingExpired' } },
      'abcd-efgh',
    );
    expect(r.sent).toEqual([{ url: '/pair/redeem', body: { code: 'abcd-efgh' } }]);
    expect(r.wentTo).toBeNull();
    expect(r.msg.textContent).toContain('配对码已过期');
    expect(r.msg.className).toBe('error');
  });

  it('sends nothing on its own without a token', async () => {
    const r = await runPage('', { ok: true, data: { kind: 'browser' } });
    expect(r.sent).toEqual([]);
  });
});
