import { ArrowLeftOutlined, EditOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StocktakeSummary } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';
import { useAction } from '../../../shared/useCall';
import { StocktakeDialog } from '../create/StocktakeDialog';
import { StocktakeStatusTag } from '../list/StocktakeStatusTag';
import { stocktakePaths } from '../stocktakePaths';

interface Props {
  stocktake: StocktakeSummary;
  canManage: boolean;
  onChanged: (stocktake: StocktakeSummary) => void;
  /** a dialog of the header closed (the scan field takes the focus back) */
  afterDialog: () => void;
  /** before the manager's buttons, for anyone (the scanner test) */
  extra?: ReactNode;
}

/**
 * The stocktake's number, name and state, and what a manager may do now: 开始盘点 and 编辑 (a draft),
 * 进入核对 (counting), 继续盘点 / 核对 (reconciling), 取消盘点 (with a reason) while open.
 */
export function StocktakeHeader({ stocktake: s, canManage, onChanged, afterDialog, extra }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction<'start' | 'reconcile' | 'resume'>();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const open = s.status === 'draft' || s.status === 'counting' || s.status === 'reconciling';

  const confirmThen = (what: 'start' | 'reconcile', run: Parameters<typeof action.run>[0]) =>
    Modal.confirm({
      title: t(`stocktake.counting.actions.${what}Confirm`),
      content: t(`stocktake.counting.actions.${what}ConfirmText`),
      okText: t(`stocktake.counting.actions.${what}`),
      cancelText: t('common.cancel'),
      onOk: () => action.run(run, what),
      afterClose: afterDialog,
    });

  return (
    <Flex justify="space-between" align="center" wrap gap={8} className="st-header">
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        <Button icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('stocktake.counting.back')} onClick={() => navigate(stocktakePaths.list)} />
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {s.name}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {s.no}
        </Typography.Text>
        <StocktakeStatusTag status={s.status} />
        {s.assignee && (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('stocktake.counting.assignee', { name: s.assignee.name })}
          </Typography.Text>
        )}
        {s.dueDate && (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('stocktake.counting.dueDate', { date: s.dueDate })}
          </Typography.Text>
        )}
      </Flex>
      {(canManage || extra) && (
        <Flex gap={8} wrap>
          {extra}
          {canManage && s.status === 'draft' && (
            <>
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('stocktake.counting.actions.edit')}
              </Button>
              <Button
                type="primary"
                icon={<PlayCircleOutlined aria-hidden />}
                loading={action.running === 'start'}
                onClick={() =>
                  confirmThen('start', async () => onChanged(await call('stocktake.start', { id: s.id })))
                }
              >
                {t('stocktake.counting.actions.start')}
              </Button>
            </>
          )}
          {canManage && s.status === 'counting' && (
            <Button
              type="primary"
              loading={action.running === 'reconcile'}
              onClick={() =>
                confirmThen('reconcile', async () => {
                  const saved = await call('stocktake.reconcile', { id: s.id });
                  onChanged(saved);
                  navigate(stocktakePaths.reconcile(s.id));
                })
              }
            >
              {t('stocktake.counting.actions.reconcile')}
            </Button>
          )}
          {canManage && s.status === 'reconciling' && (
            <>
              <Button
                loading={action.running === 'resume'}
                onClick={() => void action.run(async () => onChanged(await call('stocktake.resume', { id: s.id })), 'resume')}
              >
                {t('stocktake.counting.actions.resume')}
              </Button>
              <Button type="primary" onClick={() => navigate(stocktakePaths.reconcile(s.id))}>
                {t('stocktake.counting.actions.toReconcile')}
              </Button>
            </>
          )}
          {canManage && s.status === 'completed' && (
            <Button type="primary" onClick={() => navigate(stocktakePaths.reconcile(s.id))}>
              {t('stocktake.counting.actions.report')}
            </Button>
          )}
          {canManage && open && (
            <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setCancelling(true)}>
              {t('stocktake.counting.actions.cancel')}
            </Button>
          )}
        </Flex>
      )}
      {canManage && (
        <StocktakeDialog
          open={editing}
          stocktake={s}
          onClose={() => setEditing(false)}
          afterClose={afterDialog}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
        />
      )}
      <FormModal<{ reason: string }>
        open={cancelling}
        danger
        title={t('stocktake.counting.actions.cancelTitle', { name: s.name })}
        okText={t('stocktake.counting.actions.cancel')}
        cancelText={t('stocktake.counting.actions.keep')}
        fields={['reason']}
        onCancel={() => setCancelling(false)}
        intro={<Typography.Paragraph>{t('stocktake.counting.actions.cancelText')}</Typography.Paragraph>}
        onSubmit={async ({ reason }) => {
          const saved = await call('stocktake.cancel', { id: s.id, reason });
          setCancelling(false);
          onChanged(saved);
        }}
      >
        <Form.Item
          name="reason"
          label={t('stocktake.counting.actions.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('stocktake.validation.reasonRequired') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
