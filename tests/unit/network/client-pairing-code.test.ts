import { describe, expect, test } from 'vitest';
import { parseAddress, parsePairingInput } from '../../../electron/client/pairing-code';

const SPKI = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=';
const TOKEN = 'Zb3_kq-9xY7wVu5tSr3qPo1nMl-kJi9hGf7eDc5bA3Z';
const QR = `https://192.168.1.10:5443/pair#t=${TOKEN}&spki=${encodeURIComponent(SPKI)}`;

describe('what a person scans or types', () => {
  test('the QR code’s address: token, key hash, address and port', () => {
    expect(parsePairingInput(QR)).toEqual({
      ok: true,
      value: { kind: 'token', address: '192.168.1.10', port: 5443, token: TOKEN, spki: SPKI },
    });
    // a scanner may add a line end; the address field is ignored then
    expect(parsePairingInput(`  ${QR}\r\n`, '10.0.0.1')).toMatchObject({
      ok: true,
      value: { address: '192.168.1.10' },
    });
  });

  test('a QR address that is cut short or not ours is refused', () => {
    for (const bad of [
      QR.replace(/&spki=.*$/, ''),
      QR.replace(/#t=[^&]+&/, '#'),
      QR.replace('https:', 'http:'),
      QR.replace('/pair#', '/other#'),
      `https://server.local:5443/pair#t=${TOKEN}&spki=${SPKI}`,
    ]) {
      expect(parsePairingInput(bad), bad).toEqual({ ok: false, messageKey: 'launch.errors.urlInvalid' });
    }
  });

  test('address and short code in one line, messy: full-width, spaces, lower case, dashes', () => {
    expect(parsePairingInput('１９２．１６８．１．１０：５４４３　ａｂｃｄ－ｅｆｇｈ')).toEqual({
      ok: true,
      value: { kind: 'code', address: '192.168.1.10', port: 5443, code: 'ABCDEFGH' },
    });
    expect(parsePairingInput(' 192。168。1。10  abcd efgh ')).toEqual({
      ok: true,
      value: { kind: 'code', address: '192.168.1.10', port: 5443, code: 'ABCDEFGH' },
    });
    expect(parsePairingInput('192.168.1.10:6000 K7M2-P9QX')).toMatchObject({
      ok: true,
      value: { port: 6000, code: 'K7M2P9QX' },
    });
  });

  test('the short code with the address in its own field (the port 5443 when left out)', () => {
    expect(parsePairingInput('wxyz ７８９２', ' https://192.168.1.20/ ')).toEqual({
      ok: true,
      value: { kind: 'code', address: '192.168.1.20', port: 5443, code: 'WXYZ7892' },
    });
    expect(parseAddress('192.168.1.20：5444')).toEqual({ ok: true, value: { address: '192.168.1.20', port: 5444 } });
  });

  test('clear refusals', () => {
    expect(parsePairingInput('   ')).toEqual({ ok: false, messageKey: 'launch.errors.codeMissing' });
    expect(parsePairingInput('ABCD-EFGH')).toEqual({ ok: false, messageKey: 'launch.errors.addressMissing' });
    expect(parsePairingInput('ABCD-EFGH', '192.168.1.300')).toEqual({
      ok: false,
      messageKey: 'launch.errors.addressInvalid',
    });
    expect(parsePairingInput('ABCD-EFGH', '192.168.1.3:99999')).toEqual({
      ok: false,
      messageKey: 'launch.errors.addressInvalid',
    });
    // too short, or letters the codes never use (0, O, 1, I, L)
    expect(parsePairingInput('ABC-EFGH', '192.168.1.3')).toEqual({ ok: false, messageKey: 'launch.errors.codeFormat' });
    expect(parsePairingInput('ABCD-EFG0', '192.168.1.3')).toEqual({
      ok: false,
      messageKey: 'launch.errors.codeFormat',
    });
    expect(parsePairingInput('192.168.1.3')).toEqual({ ok: false, messageKey: 'launch.errors.codeMissing' });
  });
});
