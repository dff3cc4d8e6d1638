import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, NetworkStatus } from '../../../../electron/core/network/shared/network.contract';
import { call } from '../../api';
import { RefreshButton } from '../../shared/RefreshButton';
import { useCall } from '../../shared/useCall';
import { RenameDeviceModal, RevokeDeviceModal } from './DeviceModals';
import { DevicesTable } from './DevicesTable';
import { NetworkSettingsForm } from './NetworkSettingsForm';
import { NetworkStatusCard } from './NetworkStatusCard';
import { listenerSettled } from './networkView';
import { PairDeviceModal } from './PairDeviceModal';

/** After a save the shell restarts the listener on its own: the status is read this often until it has. */
const SETTLE_POLL_MS = 1000;
/** … and for at most this long (a certificate is made in the job thread first). */
const SETTLE_MAX_MS = 30_000;

/** A dialog about one row: the row stays while the dialog closes (its title does not blink empty). */
function useRowDialog<T>() {
  const [state, setState] = useState<{ row: T | null; open: boolean }>({ row: null, open: false });
  return {
    row: state.row,
    open: state.open,
    show: (row: T) => setState({ row, open: true }),
    close: () => setState((s) => ({ ...s, open: false })),
  };
}

/**
 * Reads the status again until the listener does what the saved settings say (or SETTLE_MAX_MS
 * passed): `applying` meanwhile.
 */
function useSettling(status: NetworkStatus | undefined, setStatus: (s: NetworkStatus) => void) {
  const [since, setSince] = useState<number | null>(null);
  const applying = since !== null && !!status && !listenerSettled(status.settings, status.listener);
  useEffect(() => {
    if (since === null || !status) return;
    if (listenerSettled(status.settings, status.listener) || Date.now() - since > SETTLE_MAX_MS) {
      setSince(null);
      return;
    }
    const timer = setTimeout(() => {
      call('network.status', {})
        .then(setStatus)
        .catch(() => setSince(null));
    }, SETTLE_POLL_MS);
    return () => clearTimeout(timer);
  }, [since, status, setStatus]);
  return { applying, settle: () => setSince(Date.now()) };
}

/**
 * 办公室网络 (设置 → ?tab=network, `system.network`): the LAN listener's state and addresses,
 * its settings, and the paired devices with 添加设备, 重命名 and 撤销.
 */
export function NetworkSection() {
  const { t } = useTranslation();
  const status = useCall('network.status', {});
  const devices = useCall('network.devices', {});
  const renaming = useRowDialog<Device>();
  const revoking = useRowDialog<Device>();
  const [pairing, setPairing] = useState(false);
  const setStatus = status.setData;
  const { applying, settle } = useSettling(status.data, setStatus);
  const reloadDevices = devices.reload;
  const refreshDevices = useCallback(() => void reloadDevices(), [reloadDevices]);
  /** a row as the core answered it after a change, in place */
  const replaceDevice = (d: Device) => devices.setData((devices.data ?? []).map((x) => (x.id === d.id ? d : x)));

  if (!status.data) return <Skeleton active />;
  const serving = status.data.listener.state === 'running';
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('network.intro')}
      </Typography.Paragraph>
      <NetworkStatusCard
        status={status.data}
        applying={applying}
        extra={<RefreshButton onRefresh={() => void status.reload()} />}
      />
      <NetworkSettingsForm
        status={status.data}
        onSaved={(saved) => {
          setStatus(saved);
          settle();
        }}
      />
      <Card
        size="small"
        title={t('network.devices.title')}
        extra={
          <Space>
            <Tooltip title={serving ? undefined : t('network.devices.addDisabled')}>
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                disabled={!serving}
                onClick={() => setPairing(true)}
              >
                {t('network.devices.add')}
              </Button>
            </Tooltip>
            <RefreshButton onRefresh={refreshDevices} />
          </Space>
        }
      >
        <DevicesTable
          devices={devices.data ?? []}
          loading={devices.loading}
          onRename={renaming.show}
          onRevoke={revoking.show}
        />
      </Card>
      <RenameDeviceModal
        open={renaming.open}
        device={renaming.row}
        onClose={renaming.close}
        onDone={(d) => {
          renaming.close();
          replaceDevice(d);
        }}
      />
      <RevokeDeviceModal
        open={revoking.open}
        device={revoking.row}
        onClose={revoking.close}
        onDone={() => {
          revoking.close();
          // revoked ones move last: the core's order
          refreshDevices();
        }}
      />
      <PairDeviceModal
        open={pairing}
        trustUrl={status.data.listener.trustUrl}
        onClose={() => setPairing(false)}
        onPaired={refreshDevices}
      />
    </Flex>
  );
}
