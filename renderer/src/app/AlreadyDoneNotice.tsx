import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../stores/connection';

/**
 * A save sent again after the connection dropped that the server had already made (ALREADY_DONE):
 * nothing was done twice, but this page does not have the first answer. It says so and loads the
 * page again, which then shows what was saved (what was typed is in it).
 */
export function AlreadyDoneNotice() {
  const { t } = useTranslation();
  const open = useConnection((s) => s.doneBeforeDrop);
  return (
    <Modal
      open={open}
      title={t('connection.alreadyDone.title')}
      okText={t('connection.alreadyDone.reload')}
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      maskClosable={false}
      keyboard={false}
      onOk={() => window.location.reload()}
    >
      {t('errors.alreadyDone')}
    </Modal>
  );
}
