import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PAIR_PAGE } from '../../../electron/lan/pair-page';

/** The pairing page's script with the QR code's token, in a browser of the given kind; where it goes once paired. */
async function pairIn(
  navigator: { userAgent: string; maxTouchPoints: number },
  coarse: boolean,
): Promise<string | null> {
  const script = /<script>([\s\S]*?)<\/script>/.exec(PAIR_PAGE.html)?.[1] ?? '';
  let wentTo: string | null = null;
  vm.runInNewContext(script, {
    navigator,
    matchMedia: () => ({ matches: coarse }),
    document: { getElementById: () => ({ textContent: '', className: '', value: '', addEventListener() {} }) },
    location: { hash: '#t=tok_1', replace: (u: string) => (wentTo = u) },
    history: { replaceState() {} },
    fetch: () => Promise.resolve({ json: () => Promise.resolve({ ok: true, data: { kind: 'browser' } }) }),
  });
  await new Promise((r) => setTimeout(r, 10));
  return wentTo;
}

const PIXEL_7 =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const IPAD_DESKTOP_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

describe('after pairing', () => {
  it('a phone goes to the counting page /m/', async () => {
    expect(await pairIn({ userAgent: PIXEL_7, maxTouchPoints: 5 }, true)).toBe('/m/');
    expect(await pairIn({ userAgent: IPHONE, maxTouchPoints: 5 }, true)).toBe('/m/');
    // an iPad that says it is a Mac: touch only
    expect(await pairIn({ userAgent: IPAD_DESKTOP_UA, maxTouchPoints: 5 }, true)).toBe('/m/');
  });

  it('a PC goes to the app, a touch-screen laptop with a mouse too', async () => {
    expect(await pairIn({ userAgent: DESKTOP, maxTouchPoints: 0 }, false)).toBe('/');
    expect(await pairIn({ userAgent: DESKTOP, maxTouchPoints: 10 }, false)).toBe('/');
  });
});
