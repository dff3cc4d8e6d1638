import { Button, Input, List, Popup, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS } from '../../../../electron/core/stocktake/shared/stocktake.contract';
import { call } from '../api';
import { refusalText } from '../errors';
import { mobileDb } from '../offline/db';
import { newClientId } from '../offline/ids';
import type { Evidence, LineEdit } from '../offline/lineEdits';
import type { LocalScan } from '../offline/types';
import { bump, useMobile } from '../state';
import { requestSync } from '../syncService';

type Contact = NonNullable<LineEdit['contact']>;

/**
 * 备注与更正 of a scan's line, as on the PC (note and evidence; a proposed correction of the
 * contact). Written to the phone's database first, online or not, and sent once the scan is synced
 * (offline/lineEdits.ts); the line's note as the server has it is shown when the phone can ask.
 */
export function LinePopup({ scan, onClose }: { scan: LocalScan | null; onClose(): void }) {
  const { t } = useTranslation();
  const user = useMobile((s) => s.user);
  const [base, setBase] = useState<{ note: string | null; version: number } | null>(null);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [contact, setContact] = useState<Contact>({ name: '', mobile: '', phone: '' });
  const lineId = scan?.state === 'synced' ? (scan.ack?.lineId ?? null) : null;
  const clientId = scan?.clientId ?? '';
  const revision = useMobile((s) => s.revision);
  const [edits, setEdits] = useState<LineEdit[]>([]);
  // what was written about this scan and where it stands (read again after each sync: revision)
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision says the stored edits changed
  useEffect(() => {
    if (!clientId) return setEdits([]);
    let live = true;
    void mobileDb()
      .lineEdits.where('clientId')
      .equals(clientId)
      .toArray()
      .then((rows) => live && setEdits(rows));
    return () => {
      live = false;
    };
  }, [clientId, revision]);

  // the line as the server has it, read once per opened scan (a flickering network does not wipe
  // what is being typed; an answer arriving after the clerk started typing does not replace it)
  const typed = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opened scan and its line
  useEffect(() => {
    typed.current = false;
    setBase(null);
    setNote('');
    setEvidence([]);
    setContact({ name: '', mobile: '', phone: '' });
    if (!scan || lineId === null || useMobile.getState().offline) return;
    let live = true;
    void call('stocktake.lines', { stocktakeId: scan.stocktakeId, q: scan.code, pageSize: 200 }).then((r) => {
      const found = r.ok ? r.data.items.find((l) => l.id === lineId) : undefined;
      if (!live || !found || typed.current) return;
      setBase({ note: found.note, version: found.version });
      setNote(found.note ?? '');
      setEvidence(found.evidence);
    });
    return () => {
      live = false;
    };
  }, [clientId, lineId]);

  const keep = async (
    edit: Omit<LineEdit, 'clientId' | 'stocktakeId' | 'userId' | 'code' | 'madeAt' | 'state' | 'pending'>,
  ) => {
    if (!scan || !user) return false;
    try {
      await mobileDb().lineEdits.add({
        ...edit,
        clientId: scan.clientId,
        stocktakeId: scan.stocktakeId,
        userId: user.id,
        code: scan.code,
        madeAt: new Date().toISOString(),
        requestKey: newClientId(),
        state: 'waiting',
        pending: 1,
      });
    } catch {
      // not kept: say so, the text stays in the form to save again
      Toast.show({ content: t('m.line.notKept') });
      return false;
    }
    bump();
    Toast.show({ icon: 'success', content: t('m.line.kept') });
    void requestSync();
    return true;
  };
  const save = () =>
    keep({
      kind: 'note',
      note: note.trim(),
      evidence,
      baseNote: base?.note ?? null,
      baseVersion: base?.version ?? null,
    });
  const propose = async () => {
    const c = Object.fromEntries(Object.entries(contact).filter(([, v]) => v?.trim())) as Contact;
    if (Object.keys(c).length === 0) return void Toast.show({ content: t('m.line.correctionEmpty') });
    if (await keep({ kind: 'correction', contact: c })) setContact({ name: '', mobile: '', phone: '' });
  };

  const stateTag = (e: LineEdit) => {
    if (e.state === 'sent')
      return (
        <Tag color="success" fill="outline">
          {t('m.line.sent')}
        </Tag>
      );
    if (e.state === 'refused')
      return (
        <Tag color="danger" fill="outline">
          {t('m.state.refused', { reason: refusalText(t, e.refusal) })}
        </Tag>
      );
    return <Tag fill="outline">{t('m.state.waiting')}</Tag>;
  };

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
        {lineId === null ? <p className="m-muted">{t('m.line.afterSync')}</p> : null}
        <List header={t('m.line.note')}>
          <List.Item>
            <TextArea
              aria-label={t('m.line.note')}
              value={note}
              onChange={(v) => {
                typed.current = true;
                setNote(v);
              }}
              maxLength={500}
              rows={3}
            />
          </List.Item>
        </List>
        <div className="m-muted" style={{ margin: '8px 0' }}>
          {t('m.line.evidence')}
        </div>
        <Selector
          multiple
          value={evidence}
          onChange={(v) => {
            typed.current = true;
            setEvidence(v as Evidence[]);
          }}
          options={EVIDENCE_KINDS.map((k) => ({ label: t(`m.evidence.${k}`), value: k }))}
        />
        <Button block color="primary" style={{ marginTop: 12 }} disabled={!scan} onClick={() => void save()}>
          {t('m.line.save')}
        </Button>
        <List header={t('m.line.correction')}>
          {(['name', 'mobile', 'phone'] as const).map((field) => (
            <List.Item key={field}>
              <Input
                placeholder={t(field === 'name' ? 'm.line.contactName' : `m.line.${field}`)}
                aria-label={t(field === 'name' ? 'm.line.contactName' : `m.line.${field}`)}
                value={contact[field] ?? ''}
                onChange={(v) => setContact({ ...contact, [field]: v })}
              />
            </List.Item>
          ))}
        </List>
        <Button block style={{ marginTop: 12 }} disabled={!scan} onClick={() => void propose()}>
          {t('m.line.propose')}
        </Button>
        {edits.length > 0 ? (
          <List header={t('m.line.written')} aria-label={t('m.line.written')}>
            {edits.map((e) => (
              <List.Item key={e.seq} extra={stateTag(e)} data-testid="line-edit" data-state={e.state}>
                {e.kind === 'note'
                  ? t('m.line.noteWritten', { text: e.note || '—' })
                  : t('m.line.correctionWritten', {
                      text: Object.values(e.contact ?? {})
                        .filter(Boolean)
                        .join(' '),
                    })}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Button block fill="none" style={{ marginTop: 8 }} onClick={onClose}>
          {t('m.search.close')}
        </Button>
      </div>
    </Popup>
  );
}
