import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type Launch, launchFile, readLaunch, writeLaunch } from '../../../electron/client/launch-file';

const dirs: string[] = [];
function folder(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-launch-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const CLIENT: Launch = {
  mode: 'client',
  serverUrl: 'https://192.168.1.10:5443',
  caCert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  deviceSecret: 'Zb3_kq-9xY7wVu5tSr3qPo1nMl-kJi9hGf7eDc5bA3Z',
  pairedAt: '2025-06-01T08:00:00.000Z',
};

describe('launch.json: how this PC starts', () => {
  test('a new folder: the question is asked (null)', () => {
    expect(readLaunch(folder())).toBeNull();
  });

  test('an archive without launch.json is local: an upgrade never sees the question', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'kehu.sqlite'), '');
    expect(readLaunch(dir)).toEqual({ mode: 'local' });
    expect(fs.existsSync(launchFile(dir))).toBe(false);
  });

  test('written and read back; readable by the app’s user only; no temporary file left', () => {
    const dir = folder();
    writeLaunch(dir, CLIENT);
    expect(readLaunch(dir)).toEqual(CLIENT);
    if (process.platform !== 'win32') expect(fs.statSync(launchFile(dir)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['launch.json']);
    writeLaunch(dir, { mode: 'local' });
    expect(readLaunch(dir)).toEqual({ mode: 'local' });
  });

  test('what is not a valid choice is refused when written', () => {
    const dir = folder();
    expect(() => writeLaunch(dir, { ...CLIENT, serverUrl: 'http://192.168.1.10:5443' })).toThrow();
    expect(() => writeLaunch(dir, { ...CLIENT, deviceSecret: '' })).toThrow();
    expect(fs.existsSync(launchFile(dir))).toBe(false);
  });

  test('a damaged or foreign file counts as absent: the question again, or local beside an archive', () => {
    const dir = folder();
    for (const text of [
      '{"mode":"client"',
      '{"mode":"client","serverUrl":"https://1.2.3.4"}',
      '[]',
      '{"mode":"cloud"}',
    ]) {
      fs.writeFileSync(launchFile(dir), text);
      expect(readLaunch(dir), text).toBeNull();
    }
    fs.writeFileSync(path.join(dir, 'kehu.sqlite'), '');
    expect(readLaunch(dir)).toEqual({ mode: 'local' });
  });
});
