import { describe, expect, it } from 'vitest';
import { createRepeatGate, REPEAT_QUIET_MS } from '../../../renderer/src/mobile/camera/repeat-gate';

describe('camera repeat gate: one report per code while it stays in view', () => {
  it('reports a code on its first frame, not on the frames that follow while it stays in view', () => {
    const gate = createRepeatGate(1500);
    expect(gate.frame(['KH0001'], 0)).toEqual(['KH0001']);
    // held in front of the camera for 10 s, read every 150 ms
    for (let t = 150; t <= 10_000; t += 150) expect(gate.frame(['KH0001'], t)).toEqual([]);
  });

  it('a frame the decoder missed does not make the code new again', () => {
    const gate = createRepeatGate(1500);
    gate.frame(['KH0001'], 0);
    expect(gate.frame([], 150)).toEqual([]);
    expect(gate.frame([], 300)).toEqual([]);
    expect(gate.frame(['KH0001'], 1000)).toEqual([]);
  });

  it('reports the code again once it was out of view for the quiet time and the quiet frames', () => {
    const gate = createRepeatGate(1500, 8);
    gate.frame(['KH0001'], 0);
    expect(gate.frame([], 800)).toEqual([]);
    expect(gate.frame(['KH0001'], 1499)).toEqual([]);
    // out of view: 8 frames without it over 1.5 s, then it is back: a rescan
    for (let t = 1650; t <= 2700; t += 150) expect(gate.frame([], t)).toEqual([]);
    expect(gate.frame(['KH0001'], 3100)).toEqual(['KH0001']);
  });

  it('a busy phone reading a frame a second does not take a label still in view for a new one', () => {
    const gate = createRepeatGate(1500, 8);
    gate.frame(['KH0001'], 0);
    // two slow frames without it (the decoder missed it), 2 s apart: time alone would say "gone"
    expect(gate.frame([], 2000)).toEqual([]);
    expect(gate.frame([], 4000)).toEqual([]);
    expect(gate.frame(['KH0001'], 6000)).toEqual([]);
  });

  it('two labels in one frame are both reported, each once; a code twice in a frame is one report', () => {
    const gate = createRepeatGate();
    expect(gate.frame(['KH0002', 'KH0001', 'KH0002'], 0)).toEqual(['KH0002', 'KH0001']);
    expect(gate.frame(['KH0001', 'KH0002'], 150)).toEqual([]);
    expect(gate.frame(['KH0003', 'KH0001'], 300)).toEqual(['KH0003']);
  });

  it('the default quiet time is between one and three seconds', () => {
    expect(REPEAT_QUIET_MS).toBeGreaterThanOrEqual(1000);
    expect(REPEAT_QUIET_MS).toBeLessThanOrEqual(3000);
  });
});
