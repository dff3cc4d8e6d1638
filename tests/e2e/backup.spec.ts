import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startWeb, test } from './fixtures';
import { callDirect, createAdmin, createCustomerDirect, signIn } from './steps';

// Issue 15, acceptance 1 and 2: a backup made on the 备份与恢复 page and restored from it (later
// changes gone, earlier kept, the current data backed up first, the restore in the log), and a
// damaged data file at start that is set aside and recovered from the newest good backup.

const DB_FILE = 'kehu.sqlite';
const SHOTS = process.env.KEHU_SHOTS;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function exists(page: Page, id: number): Promise<boolean> {
  const r = await callDirect(page, 'customer.get', { id });
  if (!r.ok) expect(r.error.code, JSON.stringify(r)).toBe('NOT_FOUND');
  return r.ok;
}

async function openBackupPage(page: Page) {
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
}

test('acceptance 1: back up now, change more, restore that backup: later changes gone, a pre-restore backup, logged', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  const before = await createCustomerDirect(page, { name: '北京备份前贸易有限公司' });

  await openBackupPage(page);
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成，检查通过')).toBeVisible({ timeout: 30_000 });
  const manual = page.locator('tr[data-trigger="manual"]');
  await expect(manual).toHaveCount(1);
  await expect(manual).toContainText('通过');
  await expect(manual).toContainText('手动');
  await expect(page.getByTestId('backup-status-bar')).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('backup-status-bar')).toContainText('上次备份：');
  const backupFile = (await manual.getAttribute('data-file')) ?? '';
  expect(backupFile).toMatch(/\.sqlite$/);

  const after = await createCustomerDirect(page, { name: '上海备份后商贸有限公司' });
  expect(await exists(page, after.id)).toBe(true);

  // 恢复 of that backup: the dialog says what happens, takes a reason, and signs everyone out
  await manual.getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '恢复备份' });
  await expect(dialog).toContainText('恢复前，程序会先自动备份当前数据');
  await expect(dialog).toContainText('所有已登录的用户（包括你）都将退出登录');
  await dialog.getByLabel('原因（可选）').fill('误删客户资料，恢复到上午的备份');
  await shot(page, 'backup-restore-confirm-zh-CN');
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('数据已从备份恢复')).toBeVisible({ timeout: 30_000 });
  await signIn(page, 'admin', 'admin-pass-1', '系统管理员');

  // earlier present, later gone
  expect(await exists(page, before.id)).toBe(true);
  expect(await exists(page, after.id)).toBe(false);

  // the current data was backed up first, and is listed
  await openBackupPage(page);
  await expect(page.locator('tr[data-trigger="restore"]')).toHaveCount(1);
  await expect(page.locator('tr[data-trigger="restore"]')).toContainText('恢复前');
  await shot(page, 'backup-page-after-restore-zh-CN');

  // the log of the restored data records the restore: who, and from which backup
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const row = page.getByRole('row').filter({ hasText: '从备份恢复' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('系统管理员');
  await expect(row).toContainText(backupFile);
  await expect(row).toContainText('误删客户资料，恢复到上午的备份');
  await shot(page, 'audit-restore-zh-CN');
});

test('the page: list, failed check explained, export, restore another file, settings and their checks', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  await createCustomerDirect(page, { name: '广州天河备份测试商行' });
  for (let i = 0; i < 2; i++) expect((await callDirect(page, 'backup.run', {})).ok).toBe(true);

  await openBackupPage(page);
  await expect(page.locator('tr[data-trigger="manual"]')).toHaveCount(2);
  await page.getByRole('button', { name: '立即备份' }).click();
  // the bar shows while the backup runs (it may be quick: its text or the success message)
  await expect(page.getByTestId('backup-progress').or(page.getByText('备份完成，检查通过'))).toBeVisible();
  await shot(page, 'backup-page-running-zh-CN');
  await expect(page.getByText('备份完成，检查通过')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('tr[data-trigger="manual"]')).toHaveCount(3);
  await shot(page, 'backup-page-zh-CN');

  // 导出 to a path typed in (prefilled with a file name beside the backups folder)
  const first = page.locator('tr[data-trigger="manual"]').first();
  await first.getByRole('button', { name: '导出' }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出备份' });
  const pathInput = exportDialog.getByLabel('保存到');
  await expect(pathInput).toHaveValue(/客户管理备份-\d{8}-\d{4}\.sqlite$/);
  const exported = path.join(app.dataDir, 'u-disk', 'exported.sqlite');
  fs.mkdirSync(path.dirname(exported), { recursive: true });
  await pathInput.fill(exported);
  await exportDialog.getByRole('button', { name: '导出' }).click();
  await expect(page.getByText(`已导出到 ${exported}`)).toBeVisible({ timeout: 30_000 });
  expect(fs.statSync(exported).size).toBeGreaterThan(0);

  // 恢复其他文件: a file that is no database is refused in words; the exported one is described
  const junk = path.join(app.dataDir, 'u-disk', 'notes.sqlite');
  fs.writeFileSync(junk, 'not a database, just a note');
  await page.getByRole('button', { name: '恢复其他文件…' }).click();
  const fileDialog = page.getByRole('dialog', { name: '从文件恢复' });
  await fileDialog.getByLabel('备份文件').fill(junk);
  await fileDialog.getByRole('button', { name: '检查文件' }).click();
  await expect(fileDialog.getByTestId('inspection-result')).toContainText('不能恢复此文件');
  await expect(fileDialog.getByRole('button', { name: '恢复此文件' })).toBeDisabled();
  await fileDialog.getByLabel('备份文件').fill(exported);
  await fileDialog.getByRole('button', { name: '检查文件' }).click();
  await expect(fileDialog.getByTestId('inspection-result')).toContainText('可以恢复此文件');
  await expect(fileDialog).toContainText('客户 1 条');
  await expect(fileDialog.getByRole('button', { name: '恢复此文件' })).toBeEnabled();
  await shot(page, 'backup-restore-file-zh-CN');
  await fileDialog.getByRole('button', { name: '取消' }).click();

  // settings: the contract's rules beside the fields; a good save is kept
  await page.getByRole('tab', { name: '备份设置' }).click();
  const interval = page.getByLabel('自动备份间隔（分钟）');
  await interval.fill('2');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('数值超出允许范围')).toBeVisible();
  await interval.fill('30');
  await page.getByLabel('多少天没有成功备份时提醒').fill('5');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('保存成功')).toBeVisible();
  await shot(page, 'backup-settings-zh-CN');
  const saved = await callDirect(page, 'backup.getSettings', {});
  expect(saved.data).toMatchObject({ intervalMinutes: 30, warnAfterDays: 5 });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Backup settings' })).toBeVisible();
  await shot(page, 'backup-settings-en');
  await page.getByRole('tab', { name: 'Backups', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible();
  await page.waitForTimeout(400); // the tab's ink bar slides
  await shot(page, 'backup-page-en');
});

test('status bar: a stale backup turns into a warning; an unreachable second location is a badge and a sentence', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  const old = new Date(Date.now() - 5 * 24 * 3_600_000).toISOString();
  // the core's answer as it is when the last good backup is 5 days old and the USB disk is gone
  await page.route('**/api/backup.status', (route) =>
    route.fulfill({
      json: {
        ok: true,
        data: {
          lastGoodAt: old,
          stale: true,
          warnAfterDays: 2,
          secondLocation: { path: 'E:\\备份', reachable: false, error: 'ENOENT: no such file or directory', lastCheckedAt: old },
          running: null,
        },
      },
    }),
  );
  await openBackupPage(page);
  const bar = page.getByTestId('backup-status-bar');
  await expect(bar).toHaveAttribute('data-stale', 'true');
  await expect(bar).toContainText('上次备份：5 天前');
  await expect(bar).toContainText('请尽快备份');
  await expect(page.getByTestId('backup-stale')).toContainText('已超过 2 天');
  await expect(page.getByTestId('backup-second-unreachable')).toContainText('无法访问第二备份位置 E:\\备份');
  await expect(page.getByRole('menuitem', { name: /备份与恢复/ }).getByTestId('backup-badge')).toBeVisible();
  expect(await page.title()).toContain('上次备份：5 天前');
  await shot(page, 'backup-stale-zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(bar).toContainText('Last backup: 5 days ago');
  await shot(page, 'backup-stale-en');
});

/** A data folder whose database has a good backup, then bytes overwritten at offset 4096. */
async function damagedWithBackup(): Promise<{ dataDir: string; customerId: number; damagedSha: string }> {
  const first = await startWeb();
  const browserless = first.host;
  let customerId = 0;
  try {
    // the admin and a customer, through the host's channels (cookies kept by a small fetch helper)
    const jar: string[] = [];
    const post = async (channel: string, input: unknown) => {
      const res = await fetch(`${browserless.url}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: jar.join('; '), origin: browserless.url },
        body: JSON.stringify(input),
      });
      for (const c of res.headers.getSetCookie()) jar.push(c.split(';')[0]);
      return (await res.json()) as { ok: boolean; data: { id: number } };
    };
    // the per-launch token comes as a cookie from the open URL
    const opened = await fetch(first.host.openUrl, { redirect: 'manual' });
    for (const c of opened.headers.getSetCookie()) jar.push(c.split(';')[0]);
    expect((await post('auth.setup', { username: 'admin', displayName: '系统管理员', password: 'admin-pass-1' })).ok).toBe(true);
    const made = await post('customer.create', { nature: 'enterprise', name: '深圳南山损坏前有限公司' });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    customerId = made.data.id;
    const backup = await post('backup.run', {});
    expect(backup.ok, JSON.stringify(backup)).toBe(true);
  } finally {
    await stop(first.child);
  }
  const file = path.join(browserless.dataDir, DB_FILE);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096);
  fs.closeSync(fd);
  return { dataDir: browserless.dataDir, customerId, damagedSha: sha(file) };
}

test('acceptance 2: a damaged file at start is set aside, the newest good backup is offered and restored', async ({ page }) => {
  const { dataDir, customerId, damagedSha } = await damagedWithBackup();
  const { host, child } = await startWeb(dataDir);
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.openUrl);
    await expect(page.getByText('数据文件已损坏', { exact: true })).toBeVisible();
    const offer = page.getByTestId('restore-offer');
    await expect(offer).toContainText('可以恢复最近的备份');
    await expect(offer).toContainText(/（(刚刚|\d+ 分钟前)）/);
    await expect(page.getByRole('button', { name: /删除/ })).toHaveCount(0);

    // the damaged file is kept aside, byte for byte, and the page says where
    const aside = fs.readdirSync(dataDir).filter((f) => f !== DB_FILE && /damaged/.test(f) && f.endsWith('.sqlite'));
    expect(aside).toHaveLength(1);
    expect(sha(path.join(dataDir, aside[0]))).toBe(damagedSha);
    await expect(page.getByText(path.join(dataDir, aside[0]), { exact: true })).toBeVisible();
    await shot(page, 'fault-restore-offer-zh-CN');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(offer).toContainText('The newest backup can be restored');
    await shot(page, 'fault-restore-offer-en');
    await page.getByRole('button', { name: '中文' }).click();

    await offer.getByRole('button', { name: '恢复最近的备份' }).click();
    await signIn(page, 'admin', 'admin-pass-1', '系统管理员');
    expect(await exists(page, customerId)).toBe(true);
    expect(sha(path.join(dataDir, aside[0]))).toBe(damagedSha);
  } finally {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
