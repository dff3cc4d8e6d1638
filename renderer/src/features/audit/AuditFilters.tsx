import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { translateOr } from '../../shared/translate';

export interface AuditFacets {
  users: { id: number; name: string }[];
  entities: string[];
  actions: string[];
}

export interface AuditFilterValues {
  userId?: number;
  entity?: string;
  action?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** Filters of the operation log; every change applies at once. */
export function AuditFilters({
  facets,
  onChange,
}: {
  facets: AuditFacets;
  onChange: (values: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  const all = t('audit.filters.all');

  return (
    <Form<AuditFilterValues>
      form={form}
      layout="inline"
      colon={false}
      style={{ rowGap: 12, marginBottom: 16 }}
      onValuesChange={(_, values) => onChange(values)}
    >
      <Form.Item name="userId" label={t('audit.filters.user')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={all}
          style={{ width: 150 }}
          options={facets.users.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="entity" label={t('audit.filters.entity')}>
        <Select
          allowClear
          placeholder={all}
          style={{ width: 120 }}
          options={facets.entities.map((e) => ({ value: e, label: translateOr('audit.entity', e) }))}
        />
      </Form.Item>
      <Form.Item name="action" label={t('audit.filters.action')}>
        <Select
          allowClear
          placeholder={all}
          style={{ width: 140 }}
          options={facets.actions.map((a) => ({ value: a, label: translateOr('audit.action', a) }))}
        />
      </Form.Item>
      <Form.Item name="dates" label={t('audit.filters.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} />
      </Form.Item>
    </Form>
  );
}
