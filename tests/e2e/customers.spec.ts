import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callDirect, createAdmin, pickOption } from './steps';

// Issue 3, acceptance 1: create a customer with every section filled in Chinese; find it by pinyin
// initials, by a Chinese substring and by a mobile fragment; edit it; see the change in its history;
// an invalid USCC shows a field error and saves nothing; a pilot-era USCC (wrong check character)
// saves after confirming, with the warning in the history (issue 12, item 6); a second customer
// with a similar name shows the duplicate warning.

const NAME = '北京海淀科技有限公司';
const SIMILAR = '北京海淀科技有限责任公司';
/** a valid 统一社会信用代码 (check character Y), a code with a letter outside the alphabet (I) */
const USCC = '91110108MA01HK4Q7Y';
const BAD_USCC = '91110108MA01HK4QIY';
/** a real code from Xiamen's pilot before GB 32100: right shape, check character not the standard's */
const PILOT_USCC = '91350211M00013FA1N';

/** Opens a Select / TreeSelect by its label, types to filter, and takes the first match. */
async function choose(page: Page, field: Locator, text: string) {
  await field.click();
  await field.fill(text);
  await pickOption(
    page
      .locator('.ant-select-dropdown:visible')
      .locator('.ant-select-item-option, .ant-select-tree-treenode')
      .filter({ hasText: text })
      .first(),
  );
}

function label(page: Page, text: string) {
  return page.getByLabel(text, { exact: true });
}

async function search(page: Page, q: string) {
  const box = page.getByRole('searchbox', { name: '搜索客户' });
  await box.fill(q);
}

function row(page: Page, name: string) {
  return page.getByRole('row').filter({ hasText: name });
}

test('customer archive: create, find, edit, history, USCC check, duplicate warning', async ({ page, app }) => {
  // one long user journey (about 45 s on a 2-core machine): more than the default minute's margin
  test.setTimeout(150_000);
  await page.goto(app.openUrl);

  // first run: the administrator (who holds every customer permission)
  await createAdmin(page);

  // two other customers, so every search below must actually tell them apart
  for (const [name, mobile] of [
    ['上海浦东贸易有限公司', '13900001111'],
    ['广州天河餐饮管理有限公司', '13700002222'],
  ]) {
    const made = await callDirect(page, 'customer.create', {
      name,
      nature: 'person',
      contacts: [{ name: '联系人', mobile, isPrimary: true }],
    });
    expect(made.ok, JSON.stringify(made)).toBe(true);
  }

  // ── create, every section ─────────────────────────────────────────────────────────────────
  await page.getByRole('menuitem', { name: '客户' }).click();
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新增客户' }).click();
  await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();

  // 基本信息
  await expect(label(page, '客户编码')).not.toHaveValue(''); // the next code is suggested
  await label(page, '客户名称').fill(NAME);
  await expect(label(page, '助记码')).toHaveValue('BJHDKJYXGS'); // generated from the name
  await label(page, '简称').fill('海淀科技');
  await choose(page, label(page, '客户分类'), '批发客户');
  await choose(page, label(page, '行业'), '信息技术服务');
  await choose(page, label(page, '地区'), '华北');
  await choose(page, label(page, '信用等级'), 'A');
  await label(page, '法人代表').fill('张伟');
  await label(page, '统一社会信用代码/税号').fill(USCC);
  await label(page, '网址').fill('www.bjhdkj.cn');

  // 联系人: the first row is there already; add a second one
  await page.getByLabel('姓名', { exact: true }).first().fill('王小明');
  await page.getByLabel('职务', { exact: true }).first().fill('采购经理');
  await page.getByLabel('手机', { exact: true }).first().fill('138 1234 5678');
  await page.getByLabel('电话', { exact: true }).first().fill('010-62345678');
  await page.getByLabel('邮箱', { exact: true }).first().fill('wangxm@bjhdkj.cn');
  await page.getByRole('button', { name: '添加联系人' }).click();
  await page.getByLabel('姓名', { exact: true }).nth(1).fill('李娜');
  await page.getByLabel('职务', { exact: true }).nth(1).fill('财务主管');
  await page.getByLabel('手机', { exact: true }).nth(1).fill('13998765432');

  // 地址: registered address in 北京市 / 北京市 / 海淀区 (China is the default country)
  const division = page.getByLabel('省/市/区', { exact: true }).first();
  await division.click();
  await division.fill('海淀');
  await pickOption(
    page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: '海淀区' }).first(),
  );
  await expect(page.locator('#section-addresses .ant-cascader').first()).toContainText('北京市 / 北京市 / 海淀区');
  await page.getByLabel('详细地址', { exact: true }).first().fill('中关村大街1号');
  await page.getByLabel('邮编', { exact: true }).first().fill('100080');

  // 信用与结算
  await label(page, '开户银行').fill('中国工商银行北京海淀支行');
  await label(page, '银行账号').fill('0200 0045 0908 9131 550');
  await choose(page, label(page, '结算方式'), '银行转账');
  await label(page, '信用额度').fill('50000');
  await label(page, '信用期限').fill('30');
  await label(page, '付款条件').fill('月结30天');
  await choose(page, label(page, '专管业务员'), '系统管理员');
  const contractEnd = label(page, '合同到期日');
  await contractEnd.click();
  await contractEnd.fill('2027-12-31');
  await contractEnd.press('Enter');

  // 附加信息
  await label(page, '备注').fill('重点客户。每月初对账。');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('保存成功').last()).toBeVisible(); // an earlier save's toast may still show

  // the detail page opens with every section as saved
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  const detail = page.getByRole('main');
  for (const text of [
    '海淀科技',
    'BJHDKJYXGS',
    '企业',
    '批发客户',
    '信息技术服务',
    '华北',
    '张伟',
    USCC,
    'www.bjhdkj.cn',
    '王小明',
    '采购经理',
    '13812345678',
    '010-62345678',
    'wangxm@bjhdkj.cn',
    '李娜',
    '13998765432',
    '注册地址',
    '北京市 / 北京市 / 海淀区',
    '中关村大街1号',
    '100080',
    '中国工商银行北京海淀支行',
    '0200004509089131550',
    '银行转账',
    '¥50,000.00',
    '30 天',
    '月结30天',
    '系统管理员',
    '2027-12-31',
    '重点客户。每月初对账。',
  ]) {
    await expect(detail, text).toContainText(text);
  }
  const found = await callDirect(page, 'customer.search', { q: USCC });
  expect(found.data.items).toHaveLength(1);
  const code: string = found.data.items[0].code;
  expect(code).toMatch(/^C\d+$/);
  await expect(detail).toContainText(code);

  // ── find it: pinyin initials, Chinese substring, mobile fragment ─────────────────────────────
  await page.getByRole('button', { name: '返回客户列表' }).click();
  for (const q of ['bjhd', '海淀', '1381234']) {
    await search(page, q);
    await expect(row(page, NAME), q).toHaveCount(1);
    await expect(row(page, '上海浦东贸易有限公司'), q).toHaveCount(0);
    await expect(row(page, '广州天河餐饮管理有限公司'), q).toHaveCount(0);
    await expect(page.getByText('共 1 条')).toBeVisible();
  }
  await search(page, '');
  await expect(page.getByText('共 3 条')).toBeVisible();

  // ── edit it ─────────────────────────────────────────────────────────────────────────────────
  await search(page, 'bjhd');
  await row(page, NAME).click();
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await expect(page.getByRole('heading', { name: `编辑客户：${NAME}` })).toBeVisible();
  await expect(label(page, '客户编码')).toBeDisabled(); // fixed once saved
  await label(page, '简称').fill('海淀科技集团');
  await label(page, '信用额度').fill('80000');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('保存成功').last()).toBeVisible(); // an earlier save's toast may still show
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(detail).toContainText('¥80,000.00');

  // ── its history shows the change: field, old, new, who ────────────────────────────────────────
  await page.getByRole('tab', { name: '变更历史' }).click();
  const change = page.getByRole('row').filter({ hasText: '修改' });
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('系统管理员');
  await expect(change).toContainText('简称：海淀科技 → 海淀科技集团');
  await expect(change).toContainText('信用额度：¥50,000.00 → ¥80,000.00');
  await expect(page.getByRole('row').filter({ hasText: '新增' })).toHaveCount(1);

  // ── an invalid USCC: a field error beside the tax ID, nothing saved ──────────────────────────
  await page.getByRole('button', { name: '返回客户列表' }).click();
  await page.getByRole('button', { name: '新增客户' }).click();
  await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();
  await label(page, '客户名称').fill('厦门湖里贸易有限公司');
  await label(page, '统一社会信用代码/税号').fill(BAD_USCC);
  await page.getByLabel('姓名', { exact: true }).first().fill('赵六');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const taxId = label(page, '统一社会信用代码/税号');
  await expect(taxId).toHaveAttribute('aria-invalid', 'true');
  // the error is shown beside the field and tied to it (its accessible description)
  await expect(taxId).toHaveAccessibleDescription(
    '统一社会信用代码格式不正确（应为 18 位数字或大写字母，不含 I、O、Z、S、V）',
  );
  await expect(page.getByText('保存成功')).toHaveCount(0);
  // the core refuses it the same way when the form is bypassed, confirmed or not
  const refused = await callDirect(page, 'customer.create', {
    name: '厦门湖里贸易有限公司',
    taxId: BAD_USCC,
    confirmTaxIdChecksum: true,
  });
  expect(refused.ok).toBe(false);
  expect(refused.error.code).toBe('INVALID_INPUT');
  expect(refused.error.fields).toMatchObject({ taxId: 'customers.validation.uscc' });
  expect((await callDirect(page, 'customer.search', { q: '湖里' })).data.total).toBe(0);

  // ── a pilot-era USCC (Xiamen, before GB 32100): a warning beside the field, saved after confirming ──
  await taxId.fill(PILOT_USCC);
  await expect(
    page.getByText('校验位不符：2015 年前部分地区试点发放的代码可能如此，请核对营业执照；确认无误可保存'),
  ).toBeVisible();
  await expect(taxId).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const checksum = page.getByRole('dialog', { name: '统一社会信用代码校验位不符' });
  await expect(checksum).toContainText(PILOT_USCC);
  // going back saves nothing
  await checksum.getByRole('button', { name: '返回修改' }).click();
  await expect(checksum).toBeHidden();
  expect((await callDirect(page, 'customer.search', { q: '湖里' })).data.total).toBe(0);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await checksum.getByRole('button', { name: '校验位不符，仍然保存' }).click();
  await expect(page.getByText('保存成功').last()).toBeVisible(); // an earlier save's toast may still show
  await expect(page.getByRole('heading', { name: '厦门湖里贸易有限公司' })).toBeVisible();
  await expect(detail).toContainText(PILOT_USCC);
  // the warning the user confirmed is in the record's history, translated
  await page.getByRole('tab', { name: '变更历史' }).click();
  await expect(page.getByRole('row').filter({ hasText: '新增' })).toContainText(
    '警告：统一社会信用代码校验位不符（经确认保存）',
  );
  await page.getByRole('button', { name: '返回客户列表' }).click();
  await search(page, '');
  await expect(page.getByText('共 4 条')).toBeVisible();

  // ── a similar name: the duplicate warning lists the first customer ───────────────────────────
  await page.getByRole('button', { name: '新增客户' }).click();
  await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();
  await label(page, '客户名称').fill(SIMILAR);
  await page.getByLabel('姓名', { exact: true }).first().fill('孙七');
  await page.getByLabel('手机', { exact: true }).first().fill('13566667777');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '可能是重复客户' });
  await expect(dialog).toBeVisible();
  const match = dialog.getByRole('row').filter({ hasText: NAME });
  await expect(match).toContainText(code);
  await expect(match).toContainText('正常');
  await expect(match).toContainText('名称相似');
  // going back saves nothing
  await dialog.getByRole('button', { name: '返回修改' }).click();
  await expect(dialog).toBeHidden();
  expect((await callDirect(page, 'customer.search', { q: '有限责任' })).data.total).toBe(0);
  // saving anyway needs a reason, which then goes with the save
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '仍然保存' }).click();
  const reason = dialog.getByLabel('仍然保存的原因', { exact: true });
  await expect(reason).toHaveAccessibleDescription('此项为必填项');
  await reason.fill('同名不同公司 地址不同');
  await dialog.getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByText('保存成功').last()).toBeVisible(); // an earlier save's toast may still show
  await expect(page.getByRole('heading', { name: SIMILAR })).toBeVisible();
  await page.getByRole('tab', { name: '变更历史' }).click();
  await expect(page.getByRole('row').filter({ hasText: '新增' })).toContainText('同名不同公司 地址不同');
});
