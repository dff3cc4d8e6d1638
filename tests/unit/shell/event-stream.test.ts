import { describe, expect, it, vi } from 'vitest';

// A stream per listener used up the browser's six connections per host (HTTP/1.1): the page now
// keeps one EventSource for every screen that listens, and closes it with its last listener.

vi.mock('../../../renderer/src/api/transport', () => ({ desktopBridge: () => undefined }));

class FakeSource {
  static CLOSED = 2;
  static made: FakeSource[] = [];
  readyState = 1;
  listeners = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  addEventListener(name: string, fn: (e: { data: string }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
  fire(name: string, payload: unknown) {
    for (const fn of this.listeners.get(name) ?? []) fn({ data: JSON.stringify(payload) });
  }
}
vi.stubGlobal('EventSource', FakeSource);
vi.stubGlobal('window', {});

const { connectEvents } = await import('../../../renderer/src/api/events');

describe('the page’s one event stream', () => {
  it('serves every listener from one EventSource, each name once, and closes with the last listener', () => {
    const got: string[] = [];
    const offA = connectEvents({ 'a.x': (p) => got.push(`A ${JSON.stringify(p)}`) });
    const offB = connectEvents({ 'a.x': (p) => got.push(`B ${JSON.stringify(p)}`), 'b.y': () => got.push('B y') });
    expect(FakeSource.made).toHaveLength(1);
    const source = FakeSource.made[0];
    expect(source.url).toBe('/api/events');
    expect(source.listeners.get('a.x')).toHaveLength(1);
    source.fire('a.x', { n: 1 });
    source.fire('b.y', null);
    expect(got).toEqual(['A {"n":1}', 'B {"n":1}', 'B y']);

    offA();
    source.fire('a.x', 2);
    expect(got.slice(3)).toEqual(['B 2']);
    expect(source.readyState).not.toBe(FakeSource.CLOSED);
    offB();
    expect(source.readyState).toBe(FakeSource.CLOSED);
  });

  it('opens a new stream after the old one was closed, listening again for every name still wanted', () => {
    FakeSource.made.length = 0;
    const got: unknown[] = [];
    const off = connectEvents({ 'c.z': (p) => got.push(p) });
    // the server refused the stream (signed out): the browser closed it
    FakeSource.made[0].readyState = FakeSource.CLOSED;
    const off2 = connectEvents({ 'd.w': (p) => got.push(p) });
    expect(FakeSource.made).toHaveLength(2);
    FakeSource.made[1].fire('c.z', 'still heard');
    FakeSource.made[1].fire('d.w', 'new');
    expect(got).toEqual(['still heard', 'new']);
    off();
    off2();
  });
});
