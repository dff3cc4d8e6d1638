import { Button, Form, Input, Modal, Radio, Result } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Device,
  type DeviceKind,
  networkContract,
  PAIRING_MINUTES,
} from '../../../../electron/core/network/shared/network.contract';
import { call } from '../../api';
import { useAction } from '../../shared/useCall';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { zodRule } from '../../shared/zodRule';
import { type Pairing, PairingCode } from './PairingCode';

const nameSchema = networkContract['network.pairStart'].input.shape.name.optional();

interface Request {
  kind: DeviceKind;
  name: string | null;
}
interface Values {
  kind: DeviceKind;
  name?: string;
}

type Phase =
  | { step: 'form' }
  | { step: 'code'; pairing: Pairing }
  | { step: 'paired'; device: Device }
  | { step: 'expired' };

/**
 * 添加设备: the kind (a phone or browser, or the app on another PC) and an optional name →
 * 生成配对码 (network.pairStart) → the QR code, the short code and the steps, until the device has
 * paired (success, the table is read again: `onPaired`) or the code ran out (重新生成).
 */
export function PairDeviceModal({
  open,
  trustUrl,
  onClose,
  onPaired,
}: {
  open: boolean;
  trustUrl: string | null;
  onClose: () => void;
  onPaired: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [phase, setPhase] = useState<Phase>({ step: 'form' });
  const [request, setRequest] = useState<Request>({ kind: 'browser', name: null });
  const again = useAction();

  const start = async (req: Request) => {
    const pairing = await call('network.pairStart', req);
    setRequest(req);
    setPhase({ step: 'code', pairing });
  };
  const generating = useFormSubmit(form, ['kind', 'name'], (values) => {
    const name = values.name?.trim();
    return start({ kind: values.kind, name: name ? name : null });
  });
  const paired = useCallback(
    (device: Device) => {
      setPhase({ step: 'paired', device });
      onPaired();
    },
    [onPaired],
  );
  const expired = useCallback(() => setPhase((p) => (p.step === 'code' ? { step: 'expired' } : p)), []);
  // closing while a code is shown ends it at once: a code on a screen nobody watches no longer pairs
  const close = () => {
    if (phase.step === 'code')
      void call('network.pairCancel', { pairingId: phase.pairing.pairingId }).catch(() => null);
    onClose();
  };

  const footer =
    phase.step === 'form'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="go" type="primary" loading={generating.busy} onClick={() => void generating.submit()}>
            {t('network.pair.generate')}
          </Button>,
        ]
      : phase.step === 'expired'
        ? [
            <Button key="close" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="again"
              type="primary"
              loading={again.busy}
              onClick={() => void again.run(() => start(request))}
            >
              {t('network.pair.regenerate')}
            </Button>,
          ]
        : [
            <Button key="done" type={phase.step === 'paired' ? 'primary' : 'default'} onClick={close}>
              {phase.step === 'paired' ? t('network.pair.done') : t('common.cancel')}
            </Button>,
          ];

  return (
    <Modal
      open={open}
      title={t('network.pair.title')}
      width={phase.step === 'code' ? 720 : 520}
      footer={footer}
      onCancel={close}
      afterClose={() => setPhase({ step: 'form' })}
      destroyOnHidden
    >
      {phase.step === 'form' && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: request.kind }}
          onFinish={() => void generating.submit()}
        >
          <Form.Item name="kind" label={t('network.pair.kind')}>
            <Radio.Group
              options={[
                { value: 'browser', label: t('network.pair.kindBrowser') },
                { value: 'desktop', label: t('network.pair.kindDesktop') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('network.pair.name')}
            extra={t('network.pair.nameHint')}
            rules={[zodRule(nameSchema)]}
          >
            <Input maxLength={60} placeholder={t('network.pair.namePlaceholder')} />
          </Form.Item>
        </Form>
      )}
      {phase.step === 'code' && (
        <PairingCode
          pairing={phase.pairing}
          kind={request.kind}
          trustUrl={trustUrl}
          onPaired={paired}
          onExpired={expired}
        />
      )}
      {phase.step === 'paired' && (
        <Result
          status="success"
          title={t('network.pair.paired')}
          subTitle={t('network.pair.pairedDevice', { name: phase.device.name })}
        />
      )}
      {phase.step === 'expired' && (
        <Result
          status="warning"
          title={t('network.pair.expired')}
          subTitle={t('network.pair.expiredHint', { minutes: PAIRING_MINUTES })}
        />
      )}
    </Modal>
  );
}
