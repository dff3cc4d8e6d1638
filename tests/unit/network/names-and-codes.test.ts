import { describe, expect, it } from 'vitest';
import { deviceNameFrom } from '../../../electron/core/network/device-name';
import { hashSecret, newShortCode, normaliseShortCode, showShortCode } from '../../../electron/core/network/secrets';
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '../../../electron/core/network/shared/network.contract';

describe('short codes', () => {
  it('are 8 characters of the alphabet without look-alikes, shown XXXX-XXXX', () => {
    const codes = Array.from({ length: 200 }, newShortCode);
    for (const c of codes) {
      expect(c).toHaveLength(SHORT_CODE_LENGTH);
      expect([...c].every((ch) => SHORT_CODE_ALPHABET.includes(ch))).toBe(true);
    }
    expect(new Set(codes).size).toBe(200);
    expect(showShortCode('ABCD2345')).toBe('ABCD-2345');
  });

  it('typed any way comes to the same stored form', () => {
    for (const typed of ['abcd-2345', 'ABCD 2345', ' abcd2345 ', 'ＡＢＣＤ－２３４５', 'ａｂｃｄ　２３４５']) {
      expect(normaliseShortCode(typed)).toBe('ABCD2345');
    }
    expect(hashSecret(normaliseShortCode('abcd 2345'))).toBe(hashSecret('ABCD2345'));
    expect(hashSecret('ABCD2345')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a device's name from its browser", () => {
  it.each([
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1',
      'iPhone (Safari)',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
      'Android 手机 (Chrome)',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0',
      'Android 手机 (微信)',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 Edg/126.0',
      'Windows 电脑 (Edge)',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 kehu-guanli/1.0 Chrome/126.0 Electron/31.0 Safari/537.36',
      'Windows 电脑 (客户管理)',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) Gecko/20100101 Firefox/126.0', 'Mac 电脑 (Firefox)'],
  ])('%s → %s', (ua, name) => {
    expect(deviceNameFrom(ua, 'browser')).toBe(name);
  });

  it('without a user agent: what kind of device it is', () => {
    expect(deviceNameFrom(null, 'desktop')).toBe('办公室电脑');
    expect(deviceNameFrom(null, 'browser')).toBe('浏览器');
  });
});
