import { Alert, Form, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../../../../electron/core/customers/shared/customers.contract';
import { customerCreateSchema } from '../../../../../electron/core/customers/shared/customers.contract';
import { FormModal } from '../../../shared/FormModal';
import { StatusTag } from '../../status/StatusTag';
import { fieldRule } from './formRules';

interface Props {
  matches: DuplicateMatch[] | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/**
 * 可能重复: the customers with a similar name or the same phone (deactivated ones too). The user
 * may save anyway with a reason, which is logged with the save.
 */
export function DuplicateDialog({ matches, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      open={!!matches}
      title={t('customers.duplicates.title')}
      okText={t('customers.duplicates.saveAnyway')}
      cancelText={t('customers.duplicates.back')}
      danger
      busy={busy}
      fields={NO_FIELDS}
      onSubmit={async (values) => onConfirm(values.reason.trim())}
      onCancel={onCancel}
      width={680}
      intro={<Intro matches={matches} />}
    >
      <Form.Item
        name="reason"
        label={t('customers.duplicates.reasonLabel')}
        required
        rules={[fieldRule(customerCreateSchema.shape.duplicateReason, { required: true })]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={200}
          showCount
          placeholder={t('customers.duplicates.reasonPlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}

const NO_FIELDS: readonly string[] = [];

/** The warning and the similar customers, above the reason. */
function Intro({ matches }: { matches: DuplicateMatch[] | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={t('customers.duplicates.intro')} style={{ marginBottom: 12 }} />
      <Table<DuplicateMatch>
        size="small"
        rowKey={(m) => `${m.id}-${m.reason}`}
        pagination={false}
        dataSource={matches ?? []}
        columns={[
          { key: 'code', title: t('customers.columns.code'), dataIndex: 'code', width: 120 },
          { key: 'name', title: t('customers.columns.name'), dataIndex: 'name' },
          {
            key: 'status',
            title: t('customers.columns.status'),
            width: 90,
            render: (_, m) => <StatusTag status={m.status} />,
          },
          {
            key: 'reason',
            title: t('customers.duplicates.why'),
            width: 120,
            render: (_, m) => t(`customers.duplicates.reason.${m.reason}`),
          },
        ]}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}
