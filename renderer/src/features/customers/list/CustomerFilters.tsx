import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../../../../../electron/core/customers/shared/customers.contract';
import type { CustomerFilters as Filters } from '../exportAction';
import { verifiedFilter, verifiedOptions, verifiedValue } from './verifiedFilter';
import { LookupSelect } from '../shared/LookupSelect';
import { useUserOptionItems } from '../shared/useUserOptions';
import type { ListSort } from './listQuery';

const SORTS: readonly ListSort[] = [
  { field: 'code', order: 'asc' },
  { field: 'code', order: 'desc' },
  { field: 'name', order: 'asc' },
  { field: 'createdAt', order: 'desc' },
  { field: 'createdAt', order: 'asc' },
  { field: 'updatedAt', order: 'desc' },
];
const sortKey = (s: ListSort) => `${s.field}.${s.order}`;

interface Props {
  filters: Filters;
  onFilters: (filters: Filters) => void;
  sort: ListSort | null;
  onSort: (sort: ListSort | null) => void;
  onReset: () => void;
}

/** Filter row of the list: 状态, 客户分类, 地区, 行业, 信用等级, 专管业务员, 核对 (最后核对 within / beyond a span), and the order. */
export function CustomerFilters({ filters, onFilters, sort, onSort, onReset }: Props) {
  const { t } = useTranslation();
  const userOptions = useUserOptionItems();

  const set = (patch: Partial<Filters>) => onFilters({ ...filters, ...patch });
  // each select takes a share of the row (at least `basis` px): the group fills the card's width
  // at 1280 px and wraps as a whole on narrower windows, 重置 staying at its end
  const grow = (basis: number) => ({ flex: `1 1 ${basis}px`, minWidth: basis, maxWidth: basis + 60 });

  return (
    <Flex wrap gap={8} align="center" className="kh-list-filters">
      <Select<CustomerStatus[]>
        mode="multiple"
        aria-label={t('customers.filters.status')}
        placeholder={t('customers.filters.statusAll')}
        style={grow(110)}
        allowClear
        maxTagCount="responsive"
        value={filters.status ?? []}
        onChange={(v) => set({ status: v.length ? v : undefined })}
        options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
      />
      <LookupSelect
        kind="category"
        aria-label={t('customers.filters.category')}
        placeholder={t('customers.filters.category')}
        style={grow(110)}
        includeInactive
        value={filters.categoryId}
        onChange={(v) => set({ categoryId: v ?? undefined })}
      />
      <LookupSelect
        kind="region"
        aria-label={t('customers.filters.region')}
        placeholder={t('customers.filters.region')}
        style={grow(100)}
        includeInactive
        value={filters.regionId}
        onChange={(v) => set({ regionId: v ?? undefined })}
      />
      <LookupSelect
        kind="industry"
        aria-label={t('customers.filters.industry')}
        placeholder={t('customers.filters.industry')}
        style={grow(100)}
        includeInactive
        value={filters.industryId}
        onChange={(v) => set({ industryId: v ?? undefined })}
      />
      <LookupSelect
        kind="creditRating"
        aria-label={t('customers.filters.creditRating')}
        placeholder={t('customers.filters.creditRating')}
        style={grow(100)}
        includeInactive
        value={filters.creditRatingId}
        onChange={(v) => set({ creditRatingId: v ?? undefined })}
      />
      <Select<number>
        aria-label={t('customers.filters.salesperson')}
        placeholder={t('customers.filters.salesperson')}
        style={grow(110)}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.salespersonId}
        onChange={(v) => set({ salespersonId: v ?? undefined })}
        options={userOptions}
      />
      <Select<string>
        aria-label={t('customers.filters.verified')}
        placeholder={t('customers.filters.verified')}
        style={grow(90)}
        popupMatchSelectWidth={false}
        allowClear
        value={verifiedValue(filters)}
        onChange={(v) => set({ verifiedSince: undefined, notVerifiedSince: undefined, ...(v ? verifiedFilter(v) : {}) })}
        options={verifiedOptions(filters, t)}
      />
      {/* the order and 重置 stay together: 重置 never wraps onto a line of its own */}
      <Flex gap={8} align="center" style={{ flex: '1 1 170px', minWidth: 170, maxWidth: 240 }}>
        <Select<string>
          aria-label={t('customers.filters.sort')}
          placeholder={t('customers.filters.sort')}
          style={{ flex: 1, minWidth: 0 }}
          allowClear
          value={sort ? sortKey(sort) : undefined}
          onChange={(v) => onSort(SORTS.find((s) => sortKey(s) === v) ?? null)}
          options={SORTS.map((s) => ({ value: sortKey(s), label: t(`customers.sort.${s.field}_${s.order}`) }))}
        />
        <Button type="link" onClick={onReset} style={{ flex: 'none', paddingInline: 4 }}>
          {t('common.reset')}
        </Button>
      </Flex>
    </Flex>
  );
}
