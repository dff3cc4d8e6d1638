import { Alert, Button, ConfigProvider, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeSummary } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { call } from '../../../api';
import { popupInDialog } from '../../../shared/FormModal';
import { useFormSubmit } from '../../../shared/useFormSubmit';
import { useUserOptionItems } from '../../customers/shared/useUserOptions';
import { ScopeFields } from './ScopeFields';
import { type ScopeValues, scopeOf, valuesOf } from './scopeValues';
import { useScopeCount } from './useScopeCount';

interface Values extends ScopeValues {
  name: string;
  assigneeId?: number | null;
  dueDate?: Dayjs | null;
  memo?: string;
}

const FIELDS = ['name', 'scope', 'assigneeId', 'dueDate', 'memo'] as const;

interface Props {
  open: boolean;
  /** a draft to edit; absent: a new stocktake */
  stocktake?: StocktakeSummary | null;
  /** customers ticked in the customer list: the scope is these */
  selection?: readonly number[] | null;
  onClose: () => void;
  onSaved: (stocktake: StocktakeSummary) => void;
  afterClose?: () => void;
}

/**
 * 新建盘点 / 编辑盘点: name, scope (with how many customers it holds now), assignee, due date and
 * memo; 创建, or 创建并开始 (the expected set is frozen at once). A draft keeps its scope editable;
 * later only the name, assignee, due date and memo.
 */
export function StocktakeDialog({ open, stocktake, selection, onClose, onSaved, afterClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const users = useUserOptionItems();
  const editing = !!stocktake;
  const scopeLocked = editing && stocktake.status !== 'draft';
  const ids = selection?.length ? selection : null;
  const initial = useMemo<Partial<Values>>(() => {
    if (stocktake)
      return {
        name: stocktake.name,
        ...valuesOf(stocktake.scope),
        assigneeId: stocktake.assignee?.id ?? null,
        dueDate: stocktake.dueDate ? dayjs(stocktake.dueDate) : null,
        memo: stocktake.memo ?? '',
      };
    return { scopeKind: ids ? 'selection' : 'all', status: ['active'] };
  }, [stocktake, ids]);

  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const scope = watched?.scopeKind ? scopeOf(watched as ScopeValues, ids) : undefined;
  const preview = useScopeCount(scope, open && !scopeLocked);
  const draftSelection = stocktake?.scope.kind === 'selection' ? ('ids' in stocktake.scope ? stocktake.scope.ids.length : stocktake.scope.count) : null;
  const selectionCount = ids ? ids.length : draftSelection;

  const save = (start: boolean) => async (v: Values) => {
    const common = {
      name: v.name,
      assigneeId: v.assigneeId ?? null,
      dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
      memo: v.memo ?? '',
    };
    const chosen = scopeOf(v, ids);
    const saved = stocktake
      ? await call('stocktake.update', {
          id: stocktake.id,
          version: stocktake.version,
          ...common,
          ...(scopeLocked || !chosen ? {} : { scope: chosen }),
        })
      : await call('stocktake.create', { ...common, scope: chosen ?? { kind: 'all' }, start });
    onSaved(saved);
  };
  const create = useFormSubmit(form, FIELDS, save(false));
  const createAndStart = useFormSubmit(form, FIELDS, save(true));
  const busy = create.busy || createAndStart.busy;

  // a draft's selection (its ids stay in the core) is not asked about again: its count is known
  const shownCount = scope ? preview.count : selectionCount;
  const countText =
    shownCount !== null
      ? t('stocktake.list.create.count', { count: shownCount })
      : preview.failed
        ? t('stocktake.list.create.countFailed')
        : t('stocktake.list.create.counting');

  return (
    <Modal
      open={open}
      title={editing ? t('stocktake.list.create.editTitle') : t('stocktake.list.create.title')}
      onCancel={onClose}
      afterClose={afterClose}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        editing ? (
          <Button key="save" type="primary" loading={busy} onClick={() => void create.submit()}>
            {t('common.save')}
          </Button>
        ) : (
          <Button key="create" loading={create.busy} disabled={busy} onClick={() => void create.submit()}>
            {t('stocktake.list.create.create')}
          </Button>
        ),
        editing ? null : (
          <Button
            key="start"
            type="primary"
            loading={createAndStart.busy}
            disabled={busy}
            onClick={() => void createAndStart.submit()}
          >
            {t('stocktake.list.create.createAndStart')}
          </Button>
        ),
      ]}
    >
      <ConfigProvider getPopupContainer={popupInDialog}>
        <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial}>
          <Form.Item
            name="name"
            label={t('stocktake.list.create.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} placeholder={t('stocktake.list.create.namePlaceholder')} />
          </Form.Item>
          <ScopeFields selectionCount={selectionCount} disabled={scopeLocked} />
          {!scopeLocked && (
            <Alert
              type={shownCount === 0 ? 'warning' : 'info'}
              showIcon
              title={countText}
              style={{ marginBottom: 16 }}
              aria-live="polite"
            />
          )}
          {scopeLocked && (
            <Typography.Paragraph type="secondary">{t('stocktake.list.create.scopeFrozen')}</Typography.Paragraph>
          )}
          <Form.Item name="assigneeId" label={t('stocktake.list.create.assignee')}>
            <Select<number> allowClear showSearch={{ optionFilterProp: 'label' }} options={users} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('stocktake.list.create.dueDate')}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="memo" label={t('stocktake.list.create.memo')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </ConfigProvider>
    </Modal>
  );
}
