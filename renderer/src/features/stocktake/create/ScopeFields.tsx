import { Col, Form, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../../../../../electron/core/customers/shared/customers.contract';
import { LookupSelect } from '../../customers/shared/LookupSelect';
import { useUserOptionItems } from '../../customers/shared/useUserOptions';
import type { ScopeValues } from './scopeValues';

interface Props {
  /** the selection can be chosen: customers were ticked (or the draft counts a selection) */
  selectionCount: number | null;
  disabled?: boolean;
}

/** 范围: all active customers, a filter (category, region, industry, salesperson, state), or the ticked ones. */
export function ScopeFields({ selectionCount, disabled }: Props) {
  const { t } = useTranslation();
  const users = useUserOptionItems();
  const kind = Form.useWatch<ScopeValues['scopeKind']>('scopeKind');
  const label = (k: string) => t(`customers.filters.${k}`);
  return (
    <>
      <Form.Item name="scopeKind" label={t('stocktake.list.create.scope')} required>
        <Radio.Group disabled={disabled}>
          <Radio value="all">{t('stocktake.list.create.scopeAll')}</Radio>
          <Radio value="filter">{t('stocktake.list.create.scopeFilter')}</Radio>
          {selectionCount !== null && (
            <Radio value="selection">{t('stocktake.list.scopeSelection', { count: selectionCount })}</Radio>
          )}
        </Radio.Group>
      </Form.Item>
      {kind === 'filter' && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="categoryId" label={label('category')}>
              <LookupSelect kind="category" aria-label={label('category')} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionId" label={label('region')}>
              <LookupSelect kind="region" aria-label={label('region')} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryId" label={label('industry')}>
              <LookupSelect kind="industry" aria-label={label('industry')} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="salespersonId" label={label('salesperson')}>
              <Select<number>
                aria-label={label('salesperson')}
                allowClear
                disabled={disabled}
                showSearch={{ optionFilterProp: 'label' }}
                options={users}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="status" label={label('status')} extra={t('stocktake.list.create.statusHint')}>
              <Select<CustomerStatus[]>
                mode="multiple"
                aria-label={label('status')}
                disabled={disabled}
                options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
