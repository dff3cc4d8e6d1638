import { Button, Input, List, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS } from '../../../../electron/core/stocktake/shared/stocktake.contract';
import { call } from '../api';
import { refusalText } from '../errors';
import type { LocalScan } from '../offline/types';
import { useMobile } from '../state';

type Evidence = (typeof EVIDENCE_KINDS)[number];

/**
 * 备注与更正 of a synced scan's line, as on the PC (stocktake.updateLine, stocktake.proposeCorrection).
 * Online only: offline, or before the scan is synced, it says 联网后可填写.
 */
export function LinePopup({ scan, onClose }: { scan: LocalScan | null; onClose(): void }) {
  const { t } = useTranslation();
  const offline = useMobile((s) => s.offline);
  const [line, setLine] = useState<{ id: number; version: number } | null>(null);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [contact, setContact] = useState({ name: '', mobile: '', phone: '' });
  const [missing, setMissing] = useState(false);
  const lineId = scan?.ack?.lineId ?? null;

  useEffect(() => {
    setLine(null);
    setMissing(false);
    if (!scan || lineId === null) return;
    void call('stocktake.lines', { stocktakeId: scan.stocktakeId, q: scan.code, pageSize: 50 }).then((r) => {
      const found = r.ok ? r.data.items.find((l) => l.id === lineId) : undefined;
      if (!found) {
        setMissing(r.ok);
        return;
      }
      setLine({ id: found.id, version: found.version });
      setNote(found.note ?? '');
      setEvidence(found.evidence);
    });
  }, [scan, lineId]);

  const save = async () => {
    if (!scan || !line) return;
    const r = await call('stocktake.updateLine', {
      stocktakeId: scan.stocktakeId,
      lineId: line.id,
      version: line.version,
      note,
      evidence,
    });
    if (!r.ok) return void Toast.show({ content: t('m.line.failed', { reason: refusalText(t, r.error) }) });
    setLine({ id: r.data.id, version: r.data.version });
    Toast.show({ icon: 'success', content: t('m.line.saved') });
  };
  const propose = async () => {
    if (!scan || !line) return;
    const c = Object.fromEntries(Object.entries(contact).filter(([, v]) => v.trim()));
    if (Object.keys(c).length === 0) return;
    const r = await call('stocktake.proposeCorrection', {
      stocktakeId: scan.stocktakeId,
      lineId: line.id,
      proposal: { contact: c },
    });
    if (!r.ok) return void Toast.show({ content: t('m.line.failed', { reason: refusalText(t, r.error) }) });
    setContact({ name: '', mobile: '', phone: '' });
    Toast.show({ icon: 'success', content: t('m.line.proposed') });
  };

  let body: React.ReactNode;
  if (!scan || scan.state !== 'synced' || lineId === null) body = <p>{t('m.line.notSynced')}</p>;
  else if (offline) body = <p>{t('m.line.online')}</p>;
  else if (missing) body = <p>{t('m.line.notFound')}</p>;
  else
    body = (
      <>
        <List header={t('m.line.note')}>
          <List.Item>
            <TextArea aria-label={t('m.line.note')} value={note} onChange={setNote} maxLength={500} rows={3} />
          </List.Item>
        </List>
        <div className="m-muted" style={{ margin: '8px 0' }}>
          {t('m.line.evidence')}
        </div>
        <Selector
          multiple
          value={evidence}
          onChange={(v) => setEvidence(v as Evidence[])}
          options={EVIDENCE_KINDS.map((k) => ({ label: t(`m.evidence.${k}`), value: k }))}
        />
        <Button block color="primary" style={{ marginTop: 12 }} disabled={!line} onClick={() => void save()}>
          {t('m.line.save')}
        </Button>
        <List header={t('m.line.correction')}>
          <List.Item>
            <Input
              placeholder={t('m.line.contactName')}
              aria-label={t('m.line.contactName')}
              value={contact.name}
              onChange={(v) => setContact({ ...contact, name: v })}
            />
          </List.Item>
          <List.Item>
            <Input
              placeholder={t('m.line.mobile')}
              aria-label={t('m.line.mobile')}
              value={contact.mobile}
              onChange={(v) => setContact({ ...contact, mobile: v })}
            />
          </List.Item>
          <List.Item>
            <Input
              placeholder={t('m.line.phone')}
              aria-label={t('m.line.phone')}
              value={contact.phone}
              onChange={(v) => setContact({ ...contact, phone: v })}
            />
          </List.Item>
        </List>
        <Button block style={{ marginTop: 12 }} disabled={!line} onClick={() => void propose()}>
          {t('m.line.propose')}
        </Button>
      </>
    );
  return (
    <Popup
      visible={scan !== null}
      onMaskClick={onClose}
      bodyStyle={{ maxHeight: '85vh', overflowY: 'auto' }}
      destroyOnClose
    >
      <div className="m-pad">
        <div className="m-big">
          {t('m.line.title')} {scan ? `· ${scan.code}` : ''}
        </div>
        {body}
        <Button block fill="none" style={{ marginTop: 8 }} onClick={onClose}>
          {t('m.search.close')}
        </Button>
      </div>
    </Popup>
  );
}
