import { CloudServerOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../stores/connection';
import { servedFrom } from './servedFrom';

/** In the header of another PC or a phone: which office server this page works on, and whether it answers. */
export function ServerTag() {
  const { t } = useTranslation();
  const reachable = useConnection((s) => s.reachable);
  const server = servedFrom();
  if (!server) return null;
  return (
    <Tooltip title={t('connection.serverHint')}>
      <Tag icon={<CloudServerOutlined aria-hidden />} color={reachable ? 'blue' : 'red'} style={{ marginInlineEnd: 0 }}>
        {t(reachable ? 'connection.server' : 'connection.serverDown', { server })}
      </Tag>
    </Tooltip>
  );
}
