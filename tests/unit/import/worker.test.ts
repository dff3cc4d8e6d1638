import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { loadRefs } from '../../../electron/core/import/refs';
import { checkInParallel, checkSlice } from '../../../electron/core/import/parallel';
import { suggestMapping } from '../../../electron/core/import/mapping';
import { type ArchiveHits, archiveHits, finishValidation } from '../../../electron/core/import/validate';
import { defaultWorkerScript, type WorkerData } from '../../../electron/core/jobs/protocol';
import { JOB_PROGRESS_EVENT } from '../../../electron/core/jobs/shared/jobs.contract';
import { helperThreads } from '../../../electron/core/jobs/threads';
import { makeEnv } from '../support/test-core';
import { row, TEMPLATE_HEADERS, upload, uscc, xlsxBytes } from './support';
import { bundleWorker } from '../support/bundle-worker';

describe('the worker thread', () => {
  it('upload, validation and import run in a worker with its own connection; refusals come back typed', async () => {
    const env = await makeEnv();
    try {
      const admin = await env.admin();
      const events: any[] = [];
      env.core.events.subscribe((e) => events.push(e));
      const rows = Array.from({ length: 200 }, (_x, i) => row({ 客户名称: `成都锦江${i}号火锅店`, '统一社会信用代码/税号': uscc(i) }));
      rows.push(row({ 客户名称: '', 备注: '无名' }));
      const up = await upload(admin, '客户.xlsx', await xlsxBytes(TEMPLATE_HEADERS, rows));
      expect(up.rowCount).toBe(201);
      const v = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
      expect(v.errors.map((e: any) => e.row)).toEqual([202]);
      expect(await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', messageKey: 'import.errors.hasErrors' },
      });
      const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' });
      expect(r).toMatchObject({ imported: 200, skipped: 1 });
      // the main connection sees the worker's commit
      expect((await admin.ok('customer.search', { q: '锦江' })).total).toBe(200);
      const phases = new Set(events.filter((e) => e.name === JOB_PROGRESS_EVENT).map((e) => e.payload.phase));
      expect(phases).toEqual(new Set(['parse', 'validate', 'write']));
    } finally {
      env.close();
    }
  });

  it('while the worker writes, the dispatcher holds other writes back at the gate (reads go on); they go through after', async () => {
    const env = await makeEnv();
    try {
      const admin = await env.admin();
      const rows = Array.from({ length: 3000 }, (_x, i) => row({ 客户名称: `重庆渝中${i}号商行`, 联系人: '陈', 手机: 13500000000 + i }));
      const up = await upload(admin, '客户.xlsx', await xlsxBytes(TEMPLATE_HEADERS, rows));
      let gateWhileWriting: 'open' | 'closed' | null = null;
      let handMade: Promise<any> | null = null;
      let readDuringImport: Promise<any> | null = null;
      env.core.events.subscribe((e) => {
        const p = e.payload as { phase: string; done: number };
        if (e.name !== JOB_PROGRESS_EVENT || p.phase !== 'write' || p.done !== 0) return;
        let opened = false;
        void env.core.writes.wait().then(() => {
          opened = true;
        });
        setImmediate(() => {
          gateWhileWriting = opened ? 'open' : 'closed';
        });
        // someone else saves meanwhile: the dispatcher makes it wait for the gate
        handMade = admin.ok('customer.create', { name: '手工录入的客户' });
        // and a read is answered at once (WAL readers do not wait)
        readDuringImport = admin.ok('customer.search', { q: '手工' });
      });
      const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
      expect(r.imported).toBe(3000);
      expect(gateWhileWriting).toBe('closed');
      expect((await readDuringImport!).total).toBe(0);
      const created = await handMade!;
      // it was written after the import's transaction, not inside it
      expect(created.id).toBe(3001);
      await expect(env.core.writes.wait()).resolves.toBeUndefined();
    } finally {
      env.close();
    }
  });

  it('big files are checked by helper threads in slices, with the same results as one thread', async () => {
    const env = await makeEnv();
    try {
      const n = 10_500;
      const rows = Array.from({ length: n }, (_x, i) =>
        row({ 客户名称: `公司${i}`, 联系人: '张', 手机: i % 1000 === 0 ? '123' : String(13800000000 + i), 邮编: 100000 + (i % 10) }),
      );
      const table = { headers: TEMPLATE_HEADERS, rowNumbers: rows.map((_r, i) => i + 2), rows: rows as never, date1904: false };
      const mapping = suggestMapping(TEMPLATE_HEADERS);
      const refs = loadRefs(env.core.sqlite);
      // the archive already holds two of the file's names: the helpers find them beside their checks
      const admin = await env.admin();
      await admin.ok('customer.create', { name: '公司7' });
      await admin.ok('customer.create', { name: '公司9001' });
      const progress: number[] = [];
      const parallel = await checkInParallel(
        table,
        mapping,
        refs,
        true,
        helperThreads({ ...defaultWorkerScript(), count: 2 }),
        (d) => progress.push(d),
        env.core.sqlite.name,
      );
      const single = checkSlice({ headers: TEMPLATE_HEADERS, date1904: false, rows: table.rows, rowNumbers: table.rowNumbers, mapping, refs, prepare: true });
      expect(parallel.results).toEqual(single.results);
      expect(parallel.prepared).toEqual(single.prepared);
      expect(parallel.hits?.name).toHaveLength(2);
      expect(parallel.hits).toEqual(archiveHits(env.core.sqlite, single.results));
      const similar = (hits?: ArchiveHits) => finishValidation(table, mapping, single.results, env.core.sqlite, hits).warnings.filter((w) => w.messageKey === 'import.warnings.similarName');
      expect(similar(parallel.hits).map((w) => w.row)).toEqual([9, 9003]);
      expect(similar(parallel.hits)).toEqual(similar());
      expect(parallel.results.filter((r) => r.errors.length)).toHaveLength(11);
      expect(Math.max(...progress)).toBeGreaterThan(n / 2);
    } finally {
      env.close();
    }
  });
});

describe('the bundled worker (as build/build-main.mjs makes it)', () => {
  it('runs a job without tsx', async () => {
    const root = path.resolve(__dirname, '../../..');
    // inside the repo, so that the bundle's external packages resolve from node_modules
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(root, 'test-results', 'worker-bundle-'));
    try {
      const workerFile = await bundleWorker(dir);
      const bytesFile = path.join(dir, 'in.csv');
      fs.writeFileSync(bytesFile, '客户名称,手机\r\n甲公司,13812345678\r\n');
      const input = { bytesFile, ext: 'csv', tableFile: path.join(dir, 'in.table') };
      const job: WorkerData = { kind: 'import.inspect', input, threads: null, helper: false };
      const result = await new Promise<any>((resolve, reject) => {
        const w = new Worker(workerFile, { workerData: job });
        w.on('message', (m) => (m.type === 'done' ? resolve(m.result) : m.type === 'error' ? reject(new Error(m.error.message)) : null));
        w.on('error', reject);
      });
      expect(result).toMatchObject({ headers: ['客户名称', '手机'], rowCount: 1, suggestedMapping: ['name', 'mobile'] });
      expect(fs.existsSync(input.tableFile)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
