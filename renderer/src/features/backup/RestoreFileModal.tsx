import { Button, ConfigProvider, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupContract, type BackupInspection } from '../../../../electron/core/backup/shared/backup.contract';
import { call } from '../../api';
import { popupInDialog } from '../../shared/FormModal';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { useAction } from '../../shared/useCall';
import { zodRule } from '../../shared/zodRule';
import { InspectionDetails } from './InspectionDetails';
import { ReasonField } from './RestoreModal';
import { afterRestore } from './restoreDone';
import { RestoreWarnings } from './RestoreWarnings';

const pathSchema = backupContract['backup.inspect'].input.shape.path;

interface Values {
  path: string;
  reason?: string;
}

/**
 * 恢复其他文件: a path on this computer → backup.inspect shows what the file is (its contents,
 * data version, last change, or why it cannot be restored) → confirm → backup.restore.
 */
export function RestoreFileModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const inspecting = useAction();
  const path = Form.useWatch('path', form);
  // the result belongs to the path checked: once the path is edited, it must be checked again
  const current = inspection && inspection.path === path?.trim() ? inspection : null;
  const canRestore = current !== null && current.refusal === null;

  const inspect = async () => {
    const values = await form.validateFields(['path']).catch(() => null);
    if (!values) return;
    setInspection(null);
    await inspecting.run(async () => setInspection(await call('backup.inspect', { path: values.path.trim() })));
  };
  const restoring = useFormSubmit(form, ['path', 'reason'], async (values) => {
    await call('backup.restore', {
      source: { kind: 'file', path: values.path.trim() },
      reason: values.reason?.trim() || undefined,
    });
    afterRestore();
  });

  return (
    <Modal
      open={open}
      title={t('backup.restore.fileTitle')}
      width={680}
      destroyOnHidden
      onCancel={onClose}
      afterClose={() => setInspection(null)}
      okText={t('backup.inspect.restoreThis')}
      okButtonProps={{ danger: true, disabled: !canRestore }}
      cancelText={t('common.cancel')}
      confirmLoading={restoring.busy}
      onOk={() => void restoring.submit()}
    >
      <ConfigProvider getPopupContainer={popupInDialog}>
        <Form<Values> form={form} layout="vertical" preserve={false}>
          <Form.Item label={t('backup.inspect.path')} extra={t('backup.inspect.pathHint')} required>
            <Flex gap={8}>
              <Form.Item name="path" noStyle rules={[zodRule(pathSchema)]}>
                <Input autoFocus aria-label={t('backup.inspect.path')} onPressEnter={() => void inspect()} />
              </Form.Item>
              <Button onClick={() => void inspect()} loading={inspecting.busy}>
                {t('backup.inspect.check')}
              </Button>
            </Flex>
          </Form.Item>
          {inspection && !current && <Typography.Text type="warning">{t('backup.inspect.changed')}</Typography.Text>}
          {current && <InspectionDetails inspection={current} />}
          {canRestore && (
            <div style={{ marginTop: 16 }}>
              <RestoreWarnings />
              <ReasonField />
            </div>
          )}
        </Form>
      </ConfigProvider>
    </Modal>
  );
}
