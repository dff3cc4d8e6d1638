import { Button, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../../electron/core/network/shared/network.contract';
import { formatMinute } from '../../shared/format';

const nowrap = { whiteSpace: 'nowrap' } as const;
const small = { fontSize: 12 } as const;
const tight = { paddingInline: 4 } as const;
/** long names and reasons wrap here (the table is as wide as its cells' content) */
const WRAP_AT = 128;

/** 状态: 正常, or 已撤销 with when, by whom and why. */
function DeviceState({ device }: { device: Device }) {
  const { t } = useTranslation();
  if (!device.revokedAt) return <Tag color="green">{t('network.devices.active')}</Tag>;
  return (
    <Flex vertical gap={2} align="start">
      <Tag color="red">{t('network.devices.revoked')}</Tag>
      <Typography.Text type="secondary" style={{ ...small, ...nowrap }}>
        {formatMinute(device.revokedAt)}
      </Typography.Text>
      {device.revokedByName && (
        <Typography.Text type="secondary" style={small}>
          {t('network.devices.revokedBy', { name: device.revokedByName })}
        </Typography.Text>
      )}
      {device.revokeReason && (
        <Typography.Text type="secondary" style={{ ...small, display: 'block', maxWidth: WRAP_AT }}>
          {t('network.devices.revokeReason', { reason: device.revokeReason })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * 设备: every paired device (revoked ones last, as the core lists them) — name, kind, address,
 * when and by whom it was paired, when it was last used, its state and its signed-in sessions;
 * 重命名 and 撤销 per row. Times in local time, to the minute (the table fits 1280 px).
 */
export function DevicesTable({
  devices,
  loading,
  onRename,
  onRevoke,
}: {
  devices: Device[];
  loading: boolean;
  onRename: (d: Device) => void;
  onRevoke: (d: Device) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Device> = [
    {
      key: 'name',
      title: t('network.devices.name'),
      render: (_, d) => (
        <Typography.Text
          strong={!d.revokedAt}
          type={d.revokedAt ? 'secondary' : undefined}
          style={{ display: 'block', maxWidth: WRAP_AT }}
        >
          {d.name}
        </Typography.Text>
      ),
    },
    {
      key: 'kind',
      title: t('network.devices.kind'),
      onCell: () => ({ style: nowrap }),
      render: (_, d) => t(`network.devices.kinds.${d.kind}`),
    },
    {
      key: 'address',
      title: t('network.devices.address'),
      onCell: () => ({ style: nowrap }),
      render: (_, d) => d.address ?? t('common.empty'),
    },
    {
      key: 'pairedAt',
      title: t('network.devices.pairedAt'),
      render: (_, d) => (
        <Flex vertical>
          <span style={nowrap}>{formatMinute(d.pairedAt)}</span>
          {d.pairedByName && (
            <Typography.Text type="secondary" style={small}>
              {t('network.devices.pairedBy', { name: d.pairedByName })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'lastSeenAt',
      title: t('network.devices.lastSeenAt'),
      onCell: () => ({ style: nowrap }),
      render: (_, d) =>
        d.lastSeenAt ? (
          formatMinute(d.lastSeenAt)
        ) : (
          <Typography.Text type="secondary">{t('network.devices.never')}</Typography.Text>
        ),
    },
    { key: 'status', title: t('network.devices.status'), render: (_, d) => <DeviceState device={d} /> },
    {
      key: 'sessions',
      title: t('network.devices.sessions'),
      align: 'right',
      onCell: () => ({ style: nowrap }),
      render: (_, d) => d.sessions,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      onCell: () => ({ style: nowrap }),
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" size="small" style={tight} onClick={() => onRename(d)}>
            {t('network.devices.rename')}
          </Button>
          {!d.revokedAt && (
            <Button type="link" size="small" style={tight} danger onClick={() => onRevoke(d)}>
              {t('network.devices.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<Device>
      rowKey="id"
      size="middle"
      columns={columns.map((c) => ({ ...c, onHeaderCell: () => ({ style: nowrap }) }))}
      dataSource={devices}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={devices.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('network.devices.empty') }}
      onRow={(d) =>
        ({ 'data-device': d.name, 'data-state': d.revokedAt ? 'revoked' : 'active' }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
