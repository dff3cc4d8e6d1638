import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type AppHost, test as appTest, expect, startWeb } from './fixtures';

const DB_FILE = 'kehu.sqlite';
/** a folder to save screenshots in (KEHU_SHOTS=/tmp/shots/...), as the other specs do */
const SHOTS = process.env.KEHU_SHOTS;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/**
 * The app's own database (made by a first start), then garbage written over its header, as a
 * failing disk would; without a backup (a first start may make one: removed), so the file stays.
 */
async function damagedDataDir(): Promise<string> {
  const first = await startWeb();
  await stop(first.child);
  fs.rmSync(path.join(first.host.dataDir, 'backups'), { recursive: true, force: true });
  const fd = fs.openSync(path.join(first.host.dataDir, DB_FILE), 'r+');
  fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
  fs.closeSync(fd);
  return first.host.dataDir;
}

const test = appTest.extend<{ damaged: AppHost }>({
  damaged: async ({}, use) => {
    const { host, child } = await startWeb(await damagedDataDir());
    await use(host);
    await stop(child);
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
});

test('a damaged database: the host keeps serving and the page says so, where the file is and what to do', async ({
  page,
  damaged,
}) => {
  const file = path.join(damaged.dataDir, DB_FILE);
  const before = sha(file);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(damaged.openUrl);

  await expect(page.getByText('数据文件已损坏', { exact: true })).toBeVisible();
  await expect(page.getByText('为保护数据，程序没有对该文件做任何修改', { exact: false })).toBeVisible();
  await expect(page.getByText(file, { exact: true })).toBeVisible();
  await expect(page.getByText(damaged.dataDir, { exact: true })).toBeVisible();
  await expect(page.getByText('请不要删除、移动或覆盖该文件', { exact: false })).toBeVisible();
  // no backup to offer (issue 15): said plainly; nothing offers to delete
  await expect(page.getByText('没有可用的备份', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /删除|恢复/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '登录' })).toHaveCount(0);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/fault-corrupt-zh-CN.png` });
  }

  // the same in English, and nothing was written to the damaged file
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('The data file is damaged', { exact: true })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/fault-corrupt-en.png` });
  expect(sha(file)).toBe(before);
});
