import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCANNER_SETTINGS } from '../../../renderer/src/features/stocktake/scanner/types';
import { Sim, type SimField } from './scanner-sim';

const CODE = 'KH00012345678'; // 13 characters, capitals typed with Shift
const scanField = (): SimField => ({ id: 'scan', kind: 'scanField', value: '', start: 0, end: 0 });
const note = (value = ''): SimField => ({
  id: 'note',
  kind: 'field',
  value,
  start: value.length,
  end: value.length,
  multiline: true,
});
const dialogInput = (value = ''): SimField => ({
  id: 'dialog',
  kind: 'field',
  value,
  start: value.length,
  end: value.length,
});

describe('scanner bursts', () => {
  it.each([4, 16])('a 13-character code at %i ms a key is one scan, and the scan field is left empty', (perKey) => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField()]);
    sim.focusOn('scan');
    sim.scan(CODE, 1000, perKey);
    expect(sim.scans.map((s) => [s.code, s.source, s.keys])).toEqual([[CODE, 'scanner', 13]]);
    expect(sim.scans[0].spanMs).toBe(13 * perKey);
    expect(sim.scans[0].endedAt).toBe(1000 + 13 * perKey);
    expect(sim.field('scan').value).toBe('');
    expect(sim.submits).toBe(0);
  });

  it('a person typing at 90-200 ms a key is no scan: the text stays where it was typed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 90, max: 200 }), { minLength: 13, maxLength: 13 }), (gaps) => {
        const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [dialogInput()]);
        sim.focusOn('dialog');
        sim.scan(CODE, 500, (i) => gaps[i - 1]);
        expect(sim.scans).toEqual([]);
        expect(sim.field('dialog').value).toBe(CODE);
        expect(sim.submits).toBe(1); // the person's Enter did what Enter does
        expect(sim.traces.at(-1)?.recognized).toBeNull();
      }),
      { numRuns: 50 },
    );
  });

  it('a code typed slowly into the scan field and confirmed with Enter is a keyboard scan', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField()]);
    sim.focusOn('scan');
    sim.scan('kh-001', 0, 150);
    expect(sim.scans.map((s) => [s.code, s.source])).toEqual([['kh-001', 'keyboard']]);
    expect(sim.field('scan').value).toBe('');
    expect(sim.submits).toBe(0);
  });

  it('two codes back to back are two scans, in order', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField()]);
    sim.focusOn('scan');
    const end = sim.scan('KH0000000001', 0, 4);
    sim.scan('KH0000000002', end + 3, 4);
    expect(sim.scans.map((s) => s.code)).toEqual(['KH0000000001', 'KH0000000002']);
  });

  it('a burst with a 40 ms hiccup stays one scan', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField()]);
    sim.focusOn('scan');
    sim.scan(CODE, 0, (i) => (i === 6 ? 40 : 8));
    expect(sim.scans.map((s) => s.code)).toEqual([CODE]);
  });

  it('a burst slower than maxGapMs somewhere is typing', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [dialogInput()]);
    sim.focusOn('dialog');
    sim.scan(CODE, 0, (i) => (i === 6 ? 80 : 8));
    // the run after the pause is 7 keys + Enter, fast: that part alone is a scan (a scanner would not pause)
    expect(sim.scans.map((s) => s.code)).toEqual([CODE.slice(6)]);
    // …and the dialog keeps what was typed before the pause, nothing of the scan
    expect(sim.field('dialog').value).toBe(CODE.slice(0, 6));
  });

  it('a fast run whose Enter comes late is typing: the keys stay and Enter does what Enter does', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [dialogInput()]);
    sim.focusOn('dialog');
    sim.scan('ABCD', 0, (i) => (i === 4 ? 200 : 5));
    expect(sim.scans).toEqual([]);
    expect(sim.field('dialog').value).toBe('ABCD');
    expect(sim.submits).toBe(1);
  });

  it('a fast run shorter than minLength is typing', () => {
    const sim = new Sim({ ...DEFAULT_SCANNER_SETTINGS, minLength: 6 }, [dialogInput()]);
    sim.focusOn('dialog');
    sim.scan('ABCD', 0, 5);
    expect(sim.scans).toEqual([]);
    expect(sim.field('dialog').value).toBe('ABCD');
  });

  it('a Chinese input method on: keyCode 229 / Process keys and composition events still give the whole code', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField()]);
    sim.focusOn('scan');
    sim.ime = true;
    sim.scan(CODE, 0, 5);
    expect(sim.scans.map((s) => [s.code, s.source])).toEqual([[CODE, 'scanner']]);
    // what the composition committed (lower-case letters) was taken out again
    expect(sim.field('scan').value).toBe('');
    expect(sim.traces.at(-1)).toMatchObject({ ime: true, recognized: 'scanner', raw: CODE });
  });

  it('under an input method a commit of Chinese text is ignored: the keys tell the code', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [note('备注')]);
    sim.focusOn('note');
    sim.ime = true;
    for (const [i, c] of [...'CUST01'].entries()) sim.press(c, 6 * (i + 1));
    sim.commit('从事', 37); // the input method picked a candidate on its own
    sim.press('Enter', 42);
    expect(sim.scans.map((s) => s.code)).toEqual(['CUST01']);
    expect(sim.field('note').value).toBe('备注');
  });

  it('two codes back to back under an input method are two scans', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField()]);
    sim.focusOn('scan');
    sim.ime = true;
    const end = sim.scan('A1B2C3D4', 0, 4);
    sim.scan('E5F6G7H8', end + 2, 4);
    expect(sim.scans.map((s) => s.code)).toEqual(['A1B2C3D4', 'E5F6G7H8']);
    expect(sim.field('scan').value).toBe('');
  });

  it('full-width characters become half-width', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField()]);
    sim.focusOn('scan');
    const field = sim.field('scan');
    field.value = 'ＫＨ０００１２';
    field.start = field.end = field.value.length;
    sim.press('Enter', 10);
    expect(sim.scans.map((s) => [s.code, s.source])).toEqual([['KH00012', 'keyboard']]);
  });

  it('the configured prefix and suffix are stripped', () => {
    const sim = new Sim({ ...DEFAULT_SCANNER_SETTINGS, prefix: ']C1', suffix: '#' }, [scanField()]);
    sim.focusOn('scan');
    sim.scan(`]C1${CODE}#`, 0, 4);
    expect(sim.scans.map((s) => s.code)).toEqual([CODE]);
  });

  it('a burst while the note field has focus goes to onScan and the note gets its text and caret back', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField(), note('无发票，有合同')]);
    sim.focusOn('note');
    const n = sim.field('note');
    n.start = n.end = 3; // caret in the middle
    sim.scan(CODE, 0, 6);
    expect(sim.scans.map((s) => s.code)).toEqual([CODE]);
    expect(n.value).toBe('无发票，有合同');
    expect([n.start, n.end]).toEqual([3, 3]);
  });

  it("an input method's late commit after a scan is taken out again; a person typing there afterwards is not undone", () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [note('备注')]);
    sim.focusOn('note');
    const end = sim.scan(CODE, 0, 4);
    const n = sim.field('note');
    n.value = `备注${CODE.toLowerCase()}`; // committed 600 ms later (a busy input method)
    sim.apply(
      sim.machine.feed({
        type: 'input',
        data: CODE.toLowerCase(),
        timeStamp: end + 600,
        target: { ref: 'note', kind: 'field', field: { value: n.value, selectionStart: null, selectionEnd: null } },
      }),
    );
    expect(n.value).toBe('备注');
    sim.press('x', end + 900);
    sim.press('y', end + 1100);
    sim.press('z', end + 1300);
    expect(n.value).toBe('备注xyz');
    expect(sim.scans).toHaveLength(1);
  });

  it('a burst ended by Enter in a dialog input does not submit the dialog', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [dialogInput('13800000000')]);
    sim.focusOn('dialog');
    sim.scan(CODE, 0, 10);
    expect(sim.scans.map((s) => s.code)).toEqual([CODE]);
    expect(sim.field('dialog').value).toBe('13800000000');
    expect(sim.submits).toBe(0);
  });

  it('with focus on no field (a button) the burst is a scan and its Enter clicks nothing', () => {
    const sim = new Sim();
    sim.scan(CODE, 0, 4);
    expect(sim.scans.map((s) => s.code)).toEqual([CODE]);
    expect(sim.submits).toBe(0);
  });

  it('Tab ends a code when the terminator is tab; Enter then is just a key', () => {
    const sim = new Sim({ ...DEFAULT_SCANNER_SETTINGS, terminator: 'tab' }, [scanField()]);
    sim.focusOn('scan');
    sim.scan(CODE, 0, 4, 'Tab');
    sim.scan('KH99', 500, 4, 'Enter');
    expect(sim.scans.map((s) => s.code)).toEqual([CODE]);
  });

  it('a fast roll of three keys by a person is given back in order, when the next key comes or by the timer', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [dialogInput()]);
    sim.focusOn('dialog');
    sim.press('t', 0);
    sim.press('h', 20);
    sim.press('e', 40); // held back: could be a scanner
    sim.press(' ', 300);
    expect(sim.field('dialog').value).toBe('the ');
    sim.press('e', 500);
    sim.press('n', 520);
    sim.press('d', 540);
    expect(sim.field('dialog').value).toBe('the en');
    sim.apply(sim.machine.tick(540 + sim.machine.holdMs + 1));
    expect(sim.field('dialog').value).toBe('the end');
    expect(sim.scans).toEqual([]);
  });

  it('the timer giving keys back during a stalled burst does not split the scan', () => {
    const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [dialogInput('x')]);
    sim.focusOn('dialog');
    const keys = [...CODE, 'Enter'];
    for (const [i, c] of keys.slice(0, 5).entries()) sim.press(c, 8 * (i + 1));
    // the page stalled: the timer runs before the queued keys (stamped 8 ms apart) are handled
    sim.apply(sim.machine.tick(40 + 400));
    for (const [i, c] of keys.slice(5).entries()) sim.press(c, 8 * (i + 6));
    expect(sim.scans.map((s) => s.code)).toEqual([CODE]);
    expect(sim.field('dialog').value).toBe('x');
  });

  it('never loses, splits, merges or doubles a scan, in any field, at any scanner speed, IME on or off', () => {
    const code = fc.stringMatching(/^[A-Z0-9-]{4,20}$/);
    const burst = fc.record({
      code,
      perKey: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 21, maxLength: 21 }),
      pause: fc.integer({ min: 1, max: 800 }),
    });
    fc.assert(
      fc.property(
        fc.array(burst, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('scan', 'note', 'dialog', null),
        fc.boolean(),
        (bursts, focus, ime) => {
          const sim = new Sim(DEFAULT_SCANNER_SETTINGS, [scanField(), note('备注'), dialogInput('张三')]);
          sim.focusOn(focus);
          sim.ime = ime;
          const before = focus ? sim.field(focus).value : null;
          let t = 100;
          for (const b of bursts) t = sim.scan(b.code, t + b.pause, (i) => b.perKey[i - 1]);
          expect(sim.scans.map((s) => s.code)).toEqual(bursts.map((b) => b.code));
          expect(sim.scans.every((s) => s.source === 'scanner')).toBe(true);
          if (focus) expect(sim.field(focus).value).toBe(before);
          expect(sim.submits).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
