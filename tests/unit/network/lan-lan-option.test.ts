import { describe, expect, it } from 'vitest';
import { parseLanOption } from '../../../electron/lan/lan-option';

describe('npm run web -- --lan ADDRESS[:PORT]', () => {
  it('takes an IPv4 address, with a port or without', () => {
    expect(parseLanOption('192.168.1.20')).toEqual({ address: '192.168.1.20' });
    expect(parseLanOption('127.0.0.2:5543')).toEqual({ address: '127.0.0.2', port: 5543 });
  });

  it('refuses anything else with a sentence', () => {
    for (const bad of [
      '',
      'server.local',
      '192.168.1',
      '192.168.1.300',
      '127.0.0.2:',
      '127.0.0.2:70000',
      '[::1]:5443',
    ]) {
      expect(() => parseLanOption(bad), bad).toThrow(/--lan/);
    }
  });
});
