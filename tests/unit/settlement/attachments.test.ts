import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { attachmentPath, keepBytes } from '../../../electron/core/settlement/attachments';
import { test } from '../support/fixtures';
import type { TestClient } from '../support/test-core';
import { approved, customer, editForm, people, refusal, voucherForm, voucherLog } from './support';

test.override({ jobs: 'inline' });

const PART = 512 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Sends a file up in pieces of PART bytes, as the page does; returns its parts id. */
async function upload(client: TestClient, bytes: Buffer): Promise<string> {
  let partsId: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += PART) {
    const r = await client.ok('settlement.uploadPart', {
      partsId,
      offset,
      dataBase64: bytes.subarray(offset, offset + PART).toString('base64'),
    });
    partsId = r.partsId;
  }
  return partsId as string;
}

/** Brings a file down in pieces. */
async function download(client: TestClient, id: number): Promise<{ bytes: Buffer; pieces: number; fileName: string }> {
  const parts: Buffer[] = [];
  let offset = 0;
  let fileName = '';
  for (;;) {
    const r = await client.ok('settlement.attachmentPart', { id, offset });
    parts.push(Buffer.from(r.dataBase64, 'base64'));
    fileName = r.fileName;
    offset += parts.at(-1)?.length ?? 0;
    if (r.done) break;
  }
  return { bytes: Buffer.concat(parts), pieces: parts.length, fileName };
}

describe('attachments: kept by hash in the data folder, never lost on edit', () => {
  test('up in pieces, kept under attachments/<sha256>, down in pieces; an edit hides a file but keeps its row and bytes', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '甲公司');
    const contract = randomBytes(PART + 100_000);
    const partsId = await upload(p.clerk, contract);
    const v = await p.clerk.ok('settlement.voucherCreate', {
      ...voucherForm(c.id),
      attachments: [{ partsId, fileName: 'C:\\扫描\\合同.pdf' }],
    });
    expect(v.attachments).toEqual([
      {
        id: expect.any(Number),
        role: 'evidence',
        fileName: '合同.pdf',
        size: contract.length,
        sha256: sha(contract),
        addedAt: env.clock.now().toISOString(),
        addedByName: 'clerk1',
      },
    ]);
    const kept = attachmentPath(env.dir, sha(contract));
    expect(fs.readFileSync(kept).equals(contract)).toBe(true);
    expect(fs.readdirSync(path.dirname(kept)).filter((n) => n.startsWith('tmp-'))).toEqual([]);
    // the uploads' content store may be swept: the attachment is not there
    fs.rmSync(path.join(env.dir, 'content'), { recursive: true, force: true });
    const down = await download(p.viewer, v.attachments[0].id);
    expect(down).toMatchObject({ pieces: 2, fileName: '合同.pdf' });
    expect(down.bytes.equals(contract)).toBe(true);

    const note = Buffer.from('送货单 第 1 页');
    const u = await p.clerk.ok('settlement.voucherUpdate', {
      ...editForm(v, c.id),
      addAttachments: [{ partsId: await upload(p.clerk, note), fileName: '送货单.jpg' }],
      hideAttachmentIds: [v.attachments[0].id],
    });
    expect(u.attachments.map((a) => a.fileName)).toEqual(['送货单.jpg']);
    const rows = env.core.sqlite
      .prepare(
        'SELECT file_name AS f, hidden_at IS NOT NULL AS hidden FROM settlement_attachments WHERE voucher_id = ? ORDER BY id',
      )
      .all(v.id);
    expect(rows).toEqual([
      { f: '合同.pdf', hidden: 1 },
      { f: '送货单.jpg', hidden: 0 },
    ]);
    expect(fs.existsSync(kept)).toBe(true);
    expect((await download(p.viewer, v.attachments[0].id)).bytes.equals(contract)).toBe(true);
    expect(JSON.parse(voucherLog(env.core, v.id)[1].changes ?? '{}')).toMatchObject({
      attachmentsAdded: { after: ['送货单.jpg'] },
      attachmentsHidden: { before: ['合同.pdf'] },
    });
    // an id that is not this voucher's (or already hidden) is refused, nothing changes
    expect(
      (
        await refusal(
          p.clerk.call('settlement.voucherUpdate', { ...editForm(u, c.id), hideAttachmentIds: [v.attachments[0].id] }),
        )
      ).fields,
    ).toEqual({
      hideAttachmentIds: 'settlement.errors.attachmentUnknown',
    });
  });

  test('pieces belong to their uploader; an unknown attachment is NOT_FOUND', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '乙公司');
    const partsId = await upload(p.clerk, Buffer.from('合同'));
    expect(
      (
        await refusal(
          p.finance.call('settlement.voucherCreate', {
            ...voucherForm(c.id),
            attachments: [{ partsId, fileName: 'a.pdf' }],
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await refusal(p.viewer.call('settlement.uploadPart', { offset: 0, dataBase64: 'YQ==' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(p.viewer.call('settlement.attachmentPart', { id: 999, offset: 0 }))).code).toBe('NOT_FOUND');
  });

  test('a kept file appears only whole: a damaged copy is written again, a stray temporary file changes nothing', async ({
    env,
  }) => {
    const bytes = randomBytes(4096);
    const target = attachmentPath(env.dir, sha(bytes));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes.subarray(0, 100));
    fs.writeFileSync(path.join(path.dirname(target), 'tmp-0123456789abcdef'), bytes.subarray(0, 10));
    await keepBytes(env.dir, sha(bytes), bytes);
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    await keepBytes(env.dir, sha(bytes), bytes);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual([sha(bytes), 'tmp-0123456789abcdef']);
  });

  test('the invoice comes later: number and file on an approved voucher, amounts unchanged', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '丙公司');
    const draft = await p.clerk.ok('settlement.voucherCreate', voucherForm(c.id));
    expect(
      (
        await refusal(
          p.clerk.call('settlement.voucherInvoice', { id: draft.id, version: draft.version, invoiceNo: 'FP1' }),
        )
      ).code,
    ).toBe('INVALID_TRANSITION');
    const a = await approved(p.clerk, p.finance, c.id, '88');
    const pdf = Buffer.from('%PDF-1.4 发票');
    const inv = await p.clerk.ok('settlement.voucherInvoice', {
      id: a.id,
      version: a.version,
      invoiceNo: 'FP-2026-001',
      attachment: { partsId: await upload(p.clerk, pdf), fileName: '发票.pdf' },
    });
    expect(inv).toMatchObject({
      invoiced: true,
      invoiceNo: 'FP-2026-001',
      invoicedAt: env.clock.now().toISOString(),
      totalCents: 8800,
      openCents: 8800,
      status: 'approved',
    });
    expect(inv.attachments).toMatchObject([{ role: 'invoice', fileName: '发票.pdf', sha256: sha(pdf) }]);
    expect(voucherLog(env.core, a.id).at(-1)).toMatchObject({ action: 'invoice' });
    expect(
      (await refusal(p.clerk.call('settlement.voucherInvoice', { id: a.id, version: a.version, invoiceNo: 'FP2' })))
        .code,
    ).toBe('CONFLICT');
  });
});
