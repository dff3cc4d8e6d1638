import { Button, NavBar, ProgressBar, Toast } from 'antd-mobile';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_SCANNER_SETTINGS,
  SCAN_FIELD_PROPS,
  type ScannerSettings,
} from '../../features/stocktake/scanner/types';
import { useScanCapture } from '../../features/stocktake/scanner/useScanCapture';
import { FeedbackCard } from '../counting/FeedbackCard';
import { LinePopup } from '../counting/LinePopup';
import { RecentScans } from '../counting/RecentScans';
import { SearchPopup } from '../counting/SearchPopup';
import { StatusBar } from '../counting/StatusBar';
import { useCountingData } from '../counting/useCountingData';
import { refusalText } from '../errors';
import { scanLook, signal, signalFailure } from '../feedback';
import { mobileDb } from '../offline/db';
import { downloadExpected } from '../offline/download';
import type { LocalScan, ScanSource } from '../offline/types';
import { chooseStocktake } from '../state';
import { shortTime } from '../time';

/** the camera (renderer/src/mobile/camera), loaded only when opened: the decoder is the heaviest part */
const CameraScanner = lazy(() => import('../camera/CameraScanner').then((m) => ({ default: m.CameraScanner })));

/**
 * The phone's scanner capture: the PC's, with a longer gap allowed inside a burst. A Bluetooth
 * link stalls now and then (a missed connection event, a retransmit) and a stall of more than the
 * PC's 50 ms after the first key split the code: the first key went into the field as typing and
 * the rest counted as a scan of the code without it (PH002 → an unknown H002, counted). Nobody
 * types into the phone's scan field (no soft keyboard, inputMode none; the capture is off while the
 * search or a line is open), so a longer gap joins only what a scanner sent.
 */
const PHONE_SCANNER: ScannerSettings = { ...DEFAULT_SCANNER_SETTINGS, maxGapMs: 200 };

/**
 * 盘点: the big scan field (a Bluetooth / USB-OTG scanner types bursts, recognised as on the PC;
 * inputmode none: no soft keyboard), 相机, 手动输入/搜索; feedback per scan; waiting count, last
 * sync, online state; progress from the downloaded set; the recent scans.
 */
export function CountingScreen({ stocktakeId }: { stocktakeId: number }) {
  const { t } = useTranslation();
  const data = useCountingData(stocktakeId);
  const fieldRef = useRef<HTMLInputElement | null>(null);
  const [last, setLast] = useState<LocalScan | null>(null);
  const [invalid, setInvalid] = useState<{ kind: 'invalid' | 'notStored'; text: string } | null>(null);
  const [camera, setCamera] = useState(false);
  const [search, setSearch] = useState(false);
  const [line, setLine] = useState<LocalScan | null>(null);
  const [refreshing, setRefreshing] = useState<string | null>(null);

  const { record } = data;
  const onCode = useCallback(
    async (code: string, source: ScanSource) => {
      const r = await record(code, source);
      if (!r.ok) {
        // nothing was kept: the clerk must hear and see it, also over the camera
        const failed =
          r.reason === 'invalid'
            ? { kind: 'invalid' as const, text: code }
            : { kind: 'notStored' as const, text: t('m.errors.notStored', { code }) };
        setInvalid(failed);
        signalFailure();
        if (source === 'camera') Toast.show({ content: failed.text, position: 'top' });
        return;
      }
      setInvalid(null);
      setLast(r.scan);
      signal(r.scan.verdict);
      if (source === 'camera') {
        // the camera covers the screen: what was read shows on top of it
        const look = scanLook(r.scan);
        Toast.show({
          content: (
            <span data-testid="camera-feedback">
              {t(look.key)}
              <br />
              {r.scan.code}
              {look.name ? ` ${look.name}` : ''}
            </span>
          ),
          position: 'top',
        });
      }
    },
    [record, t],
  );

  useScanCapture({
    enabled: data.loaded && !search && line === null,
    settings: PHONE_SCANNER,
    fieldRef,
    onScan: (s) => void onCode(s.code, s.source),
  });

  // back from the camera, the search or a line: the scan field has the focus again, so a code
  // typed and confirmed with Enter is taken (a scanner's burst is taken wherever the focus is)
  const counting = data.loaded && !camera && !search && line === null;
  useEffect(() => {
    if (counting) fieldRef.current?.focus({ preventScroll: true });
  }, [counting]);

  // the big card follows the last scan's state (synced, the server's classification); after a reload, the newest
  const shown = last ? (data.recent.find((s) => s.clientId === last.clientId) ?? last) : (data.recent[0] ?? null);

  const redownload = async () => {
    setRefreshing('0');
    const r = await downloadExpected(mobileDb(), stocktakeId, (rows, total) => setRefreshing(`${rows} / ${total}`));
    setRefreshing(null);
    if (!r.ok) Toast.show({ content: t('m.list.downloadFailed', { reason: refusalText(t, r.error) }) });
    await data.reload();
  };

  const pct = data.progress.expected ? (100 * data.progress.counted) / data.progress.expected : 0;
  return (
    <div className="m-page">
      <NavBar onBack={() => chooseStocktake(null)} back={t('m.count.back')}>
        {data.info?.name ?? data.info?.no ?? ''}
      </NavBar>
      <StatusBar waiting={data.waiting} />
      <div className="m-pad">
        <input
          {...SCAN_FIELD_PROPS}
          ref={fieldRef}
          className="m-scan-field"
          data-testid="scan-field"
          aria-label={t('m.count.scanPlaceholder')}
          placeholder={t('m.count.scanPlaceholder')}
          // biome-ignore lint/a11y/noAutofocus: the counting screen exists to take scans
          autoFocus
        />
        <div className="m-actions">
          <Button color="primary" size="large" onClick={() => setCamera(true)}>
            {t('m.count.camera')}
          </Button>
          <Button size="large" onClick={() => setSearch(true)}>
            {t('m.count.manual')}
          </Button>
        </div>
        <FeedbackCard scan={shown} invalid={invalid} />
        <div style={{ marginTop: 12 }} data-testid="progress">
          <div className="m-bar">
            <span className="m-big">{t('m.count.progress', data.progress)}</span>
          </div>
          <ProgressBar percent={pct} style={{ marginTop: 4 }} />
          <div className="m-bar m-muted" style={{ marginTop: 4 }}>
            {data.info ? t('m.count.downloadedAt', { time: shortTime(data.info.at) }) : null}
            <Button size="mini" fill="none" loading={refreshing !== null} onClick={() => void redownload()}>
              {t('m.count.redownload')}
              {refreshing ? ` ${refreshing}` : ''}
            </Button>
          </div>
          <div className="m-muted">{t('m.count.lineHint')}</div>
        </div>
      </div>
      <RecentScans scans={data.recent} onOpen={setLine} />
      <SearchPopup
        visible={search}
        rows={data.rows}
        onClose={() => setSearch(false)}
        onPick={(code, source) => {
          setSearch(false);
          void onCode(code, source);
        }}
      />
      <LinePopup scan={line} onClose={() => setLine(null)} />
      {camera ? (
        <Suspense fallback={null}>
          <CameraScanner onCode={(code) => void onCode(code, 'camera')} onClose={() => setCamera(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
