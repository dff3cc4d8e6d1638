import { Card, Descriptions, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../../electron/core/customers/shared/customers.contract';
import { formatDateTime } from '../../../shared/format';
import { lookupName, lookupPath, useLookups } from '../../lookups/lookupsStore';
import { countryName, divisionNames } from '../shared/geo';
import { formatCents } from '../../../shared/money';
import { StatusTag } from '../../status/StatusTag';

type Contact = CustomerDetail['contacts'][number];
type Address = CustomerDetail['addresses'][number];

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 className="kh-section-title">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** The record read-only, in the form's sections, with names for lists, regions and countries. */
export function DetailSections({ customer: c }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const lookups = useLookups((s) => s.items);
  const empty = t('common.empty');
  const show = (v: ReactNode) => (v === null || v === undefined || v === '' ? empty : v);
  const f = (key: string) => t(`customers.fields.${key}`);
  const descProps = { bordered: true, size: 'small', column: 3, styles: { label: { width: 150 } } } as const;

  return (
    <>
      <Block title={t('customers.sections.basic')}>
        <Descriptions
          {...descProps}
          items={[
            { key: 'code', label: f('code'), children: <span style={{ fontFamily: 'monospace' }}>{c.code}</span> },
            { key: 'name', label: f('name'), children: c.name, span: 2 },
            { key: 'shortName', label: f('shortName'), children: show(c.shortName) },
            { key: 'mnemonic', label: f('mnemonic'), children: show(c.mnemonic) },
            { key: 'nature', label: f('nature'), children: t(`customers.nature.${c.nature}`) },
            { key: 'category', label: f('category'), children: show(lookupPath(lookups, c.categoryId)) },
            { key: 'industry', label: f('industry'), children: show(lookupName(lookups, c.industryId)) },
            { key: 'region', label: f('region'), children: show(lookupName(lookups, c.regionId)) },
            { key: 'creditRating', label: f('creditRating'), children: show(lookupName(lookups, c.creditRatingId)) },
            { key: 'legalRep', label: f('legalRep'), children: show(c.legalRep) },
            { key: 'status', label: t('customers.columns.status'), children: <StatusTag status={c.status} /> },
            {
              key: 'taxId',
              label: f('taxId'),
              children: <span style={{ fontFamily: 'monospace' }}>{show(c.taxId)}</span>,
            },
            { key: 'website', label: f('website'), children: show(c.website) },
            // 最后核对: set when a stocktake's reconciliation marks the customer verified
            {
              key: 'lastVerifiedAt',
              label: t('customers.detail.lastVerifiedAt'),
              children: formatDateTime(c.lastVerifiedAt) ?? t('customers.detail.neverVerified'),
            },
          ]}
        />
      </Block>

      <Block title={t('customers.sections.contacts')}>
        <Table<Contact>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.contacts}
          locale={{ emptyText: t('customers.form.noContacts') }}
          columns={[
            {
              key: 'name',
              title: t('customers.fields.contact.name'),
              render: (_, x) => (
                <>
                  {x.name}
                  {x.isPrimary && (
                    <Tag color="blue" style={{ marginInlineStart: 8 }}>
                      {t('customers.detail.primary')}
                    </Tag>
                  )}
                </>
              ),
            },
            { key: 'title', title: t('customers.fields.contact.title'), render: (_, x) => show(x.title) },
            { key: 'mobile', title: t('customers.fields.contact.mobile'), render: (_, x) => show(x.mobile) },
            { key: 'phone', title: t('customers.fields.contact.phone'), render: (_, x) => show(x.phone) },
            { key: 'email', title: t('customers.fields.contact.email'), render: (_, x) => show(x.email) },
          ]}
        />
      </Block>

      <Block title={t('customers.sections.addresses')}>
        <Table<Address>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.addresses}
          locale={{ emptyText: t('customers.form.noAddresses') }}
          columns={[
            {
              key: 'kind',
              title: t('customers.fields.address.kind'),
              width: 130,
              render: (_, a) => (
                <>
                  {t(`customers.addressKind.${a.kind}`)}
                  {a.isDefault && (
                    <Tag color="blue" style={{ marginInlineStart: 8 }}>
                      {t('customers.detail.default')}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              key: 'country',
              title: t('customers.fields.address.country'),
              width: 120,
              render: (_, a) => countryName(a.country, i18n.language),
            },
            {
              key: 'division',
              title: t('customers.fields.address.division'),
              render: (_, a) => show(divisionNames([a.provinceCode, a.cityCode, a.districtCode]).join(' / ')),
            },
            { key: 'street', title: t('customers.fields.address.street'), render: (_, a) => show(a.street) },
            {
              key: 'postcode',
              title: t('customers.fields.address.postcode'),
              width: 90,
              render: (_, a) => show(a.postcode),
            },
          ]}
        />
      </Block>

      <Block title={t('customers.sections.credit')}>
        <Descriptions
          {...descProps}
          items={[
            { key: 'bankName', label: f('bankName'), children: show(c.bankName) },
            { key: 'bankAccount', label: f('bankAccount'), children: show(c.bankAccount), span: 2 },
            { key: 'creditLimit', label: f('creditLimit'), children: show(formatCents(c.creditLimitCents)) },
            {
              key: 'creditDays',
              label: f('creditDays'),
              children: show(c.creditDays == null ? null : t('customers.detail.days', { count: c.creditDays })),
            },
            {
              key: 'settlementMethod',
              label: f('settlementMethod'),
              children: show(lookupName(lookups, c.settlementMethodId)),
            },
            { key: 'paymentTerms', label: f('paymentTerms'), children: show(c.paymentTerms) },
            { key: 'salesperson', label: f('salesperson'), children: show(c.salespersonName) },
            { key: 'contractEndDate', label: f('contractEndDate'), children: show(c.contractEndDate) },
          ]}
        />
      </Block>

      <Block title={t('customers.sections.extra')}>
        <Descriptions
          {...descProps}
          items={[
            {
              key: 'memo',
              label: f('memo'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{show(c.memo)}</span>,
              span: 3,
            },
            { key: 'createdBy', label: t('customers.detail.createdBy'), children: show(c.createdByName) },
            {
              key: 'createdAt',
              label: t('customers.detail.createdAt'),
              children: formatDateTime(c.createdAt),
              span: 2,
            },
            { key: 'updatedBy', label: t('customers.detail.updatedBy'), children: show(c.updatedByName) },
            { key: 'updatedAt', label: t('customers.detail.updatedAt'), children: formatDateTime(c.updatedAt) },
            { key: 'version', label: t('customers.detail.version'), children: c.version },
          ]}
        />
      </Block>
    </>
  );
}
