import fs from 'node:fs';
import path from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { benchDbFile } from './seed/bench-db';
import {
  CHROMIUM_ARGS,
  composeAndCommit,
  ensureBuilt,
  expectedKeys,
  KINDS,
  makeSamples,
  pageProbe,
  prepareDataDir,
  type Sample,
  settle,
  signIn,
  startHost,
} from './ui-search.bench';

/**
 * Where a keystroke's time goes in the customer list (a diagnosis, not a bench): for a few
 * keystrokes per kind, a Chromium trace from the keydown to the paint that shows the rows, printed
 * as a timeline of the page's main thread (events, the search request, React's work, style,
 * layout, paint, frames), plus the JS functions with the most self time over all keystrokes.
 * `npx tsx tests/bench/ui-trace.ts [root] [per-kind]` (root: a built tree; default this one).
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'v8',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'cc',
  'viz',
  'loading',
  'toplevel',
].join(',');

async function traceOnce(cdp: CDPSession, act: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await act();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

const INTERESTING = new Set([
  'EventDispatch',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'ResourceSendRequest',
  'ResourceReceiveResponse',
  'ResourceReceivedData',
  'ResourceFinish',
  'ParseHTML',
  'BeginMainThreadFrame',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
]);

function timeline(events: TraceEvent[]): string[] {
  const start = events.find((e) => e.name === 'kh-start');
  const end = events.find((e) => e.name === 'kh-after-paint');
  const rows = events.find((e) => e.name === 'kh-rows-in-dom');
  if (!start || !end) return ['(marks missing)'];
  const main = start.tid;
  const t0 = start.ts;
  const ms = (ts: number) => ((ts - t0) / 1000).toFixed(1).padStart(6);
  const out: string[] = [`total ${((end.ts - t0) / 1000).toFixed(1)} ms; rows in DOM at ${ms(rows?.ts ?? 0)}`];
  const tasks = events
    .filter((e) => e.tid === main && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .filter((e) => e.ts + (e.dur ?? 0) >= t0 - 20_000 && e.ts <= end.ts)
    .sort((a, b) => a.ts - b.ts);
  for (const task of tasks) {
    const dur = (task.dur ?? 0) / 1000;
    const inner = events
      .filter(
        (e) =>
          e.tid === main &&
          e.ts >= task.ts &&
          e.ts <= task.ts + (task.dur ?? 0) &&
          INTERESTING.has(e.name) &&
          ((e.dur ?? 0) > 300 || e.name.startsWith('Resource') || e.name === 'EventDispatch'),
      )
      .map((e) => {
        const d = e.args?.data ?? {};
        const what = (d.type as string) ?? (d.functionName as string) ?? (d.url ? String(d.url).split('/').pop() : '');
        return `${e.name}${what ? `(${what})` : ''}${e.dur ? ` ${(e.dur / 1000).toFixed(1)}` : ''}`;
      });
    if (dur < 0.3 && inner.length === 0) continue;
    out.push(`${ms(task.ts)} task ${dur.toFixed(1).padStart(5)}  ${inner.join(', ')}`);
  }
  // the same request seen from the network side (other threads)
  for (const e of events.filter((e) => e.name.startsWith('Resource') && e.tid !== main && e.ts >= t0 && e.ts <= end.ts)) {
    out.push(`${ms(e.ts)} net  ${e.name}`);
  }
  for (const e of events.filter(
    (e) => e.ts >= t0 && e.ts <= end.ts && (e.name === 'DrawFrame' || e.name === 'Graphics.Pipeline' || e.name === 'BeginFrame'),
  ).slice(0, 20)) {
    out.push(`${ms(e.ts)} frame ${e.name} ${e.ph}`);
  }
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

async function main() {
  const root = path.resolve(process.argv[2] ?? path.resolve(__dirname, '../..'));
  const perKind = Number(process.argv[3] ?? 3);
  ensureBuilt(root);
  const cacheFile = await benchDbFile(1_000_000, (m) => process.stderr.write(`${m}\n`));
  const samples = makeSamples(cacheFile, perKind);
  const dataDir = await prepareDataDir(cacheFile);
  const { url, child } = await startHost(root, dataDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const selfTime = new Map<string, number>();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(pageProbe);
    const page = await context.newPage();
    await signIn(page, url);
    await page.goto(`${new URL(url).origin}/#/customers`);
    await page.getByRole('searchbox').waitFor();
    await settle(page, await expectedKeys(page, ''));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const box = page.getByRole('searchbox');
    const done: Record<string, number> = {};
    for (const s of samples as Sample[]) {
      if ((done[s.kind] ?? 0) >= perKind) continue;
      const before = await expectedKeys(page, s.before);
      const after = await expectedKeys(page, s.before + s.typed);
      if (!after.length || after.join() === before.join()) continue;
      await box.fill(s.before);
      await settle(page, before);
      await page.waitForTimeout(200);
      const arm = async () => {
        await page.evaluate((keys) => (window as unknown as { __kh: { arm(k: string[], t: number): boolean } }).__kh.arm(keys, 10_000), after);
      };
      await cdp.send('Profiler.start');
      const events = await traceOnce(cdp, async () => {
        if (s.ime) await composeAndCommit(cdp, page, s.typed, arm);
        else {
          await arm();
          await page.keyboard.press(s.typed);
        }
        await page.evaluate(() => (window as unknown as { __kh: { result: Promise<unknown> } }).__kh.result);
        await page.waitForTimeout(100);
      });
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const n = byId.get(id);
        if (!n) return;
        const f = n.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      done[s.kind] = (done[s.kind] ?? 0) + 1;
      console.log(`\n== ${s.kind} "${s.before}" + "${s.typed}"`);
      for (const line of timeline(events)) console.log(line);
      if (process.env.KEHU_TRACE_DIR) {
        fs.mkdirSync(process.env.KEHU_TRACE_DIR, { recursive: true });
        fs.writeFileSync(path.join(process.env.KEHU_TRACE_DIR, `${s.kind}-${done[s.kind]}.json`), JSON.stringify({ traceEvents: events }));
      }
    }
    console.log('\n== JS self time over all traced keystrokes (ms)');
    for (const [k, v] of [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${v.toFixed(1).padStart(7)}  ${k}`);
    void KINDS;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
