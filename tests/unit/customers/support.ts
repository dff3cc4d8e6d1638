import { usccCheckChar } from '../../../electron/core/customers/shared/customer.rules';
import type { LookupKind } from '../../../electron/core/lookups/shared/lookups.contract';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import type { TestClient } from '../support/test-core';

/** A valid 统一社会信用代码 built from a 17-character body. */
export function uscc(body17: string): string {
  const c = usccCheckChar(body17);
  if (!c) throw new Error(`bad USCC body ${body17}`);
  return body17 + c;
}

export async function lookupId(client: TestClient, kind: LookupKind, name: string): Promise<number> {
  const { items } = await client.ok('lookup.list', { kinds: [kind] });
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`no ${kind} ${name}`);
  return item.id;
}

/** A customer with every section filled in, as an office would enter it. */
export async function fullCustomer(client: TestClient): Promise<ChannelInput<'customer.create'>> {
  return {
    name: '北京海淀科技有限公司',
    shortName: '海淀科技',
    nature: 'enterprise',
    categoryId: await lookupId(client, 'category', '大客户'),
    industryId: await lookupId(client, 'industry', '信息技术服务'),
    regionId: await lookupId(client, 'region', '华北'),
    creditRatingId: await lookupId(client, 'creditRating', 'A'),
    taxId: uscc('91110108MA01ABCD1'),
    legalRep: '王海',
    website: 'www.hdkj.example.cn',
    contacts: [
      {
        name: '张伟',
        title: '采购经理',
        mobile: '138 1234 5678',
        phone: '010-8888 6666',
        email: 'zhangwei@hdkj.example.cn',
        isPrimary: true,
      },
      { name: '李娜', title: '财务', mobile: '13987654321' },
    ],
    addresses: [
      {
        kind: 'registered',
        country: 'CN',
        provinceCode: '110000',
        cityCode: '110100',
        districtCode: '110108',
        street: '中关村大街1号',
        postcode: '100080',
      },
      {
        kind: 'delivery',
        country: 'CN',
        provinceCode: '110000',
        cityCode: '110100',
        districtCode: '110108',
        street: '上地十街10号',
        isDefault: true,
      },
    ],
    bankName: '中国工商银行北京海淀支行',
    bankAccount: '0200 0045 0900 1234 567',
    creditLimitCents: 5_000_000,
    creditDays: 30,
    settlementMethodId: await lookupId(client, 'settlementMethod', '银行转账'),
    paymentTerms: '月结30天',
    contractEndDate: '2027-12-31',
    memo: '重点客户',
  };
}
