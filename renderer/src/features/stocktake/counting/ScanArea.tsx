import { Card, Col, Flex, Row } from 'antd';
import { memo, type RefObject, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { StocktakeProgress } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import type { ScanQueue } from '../scanner/types';
import { DeviceScans } from './DeviceScans';
import { FeedbackPanel, type LineActions } from './FeedbackPanel';
import { useFeedbackMarker } from './feedbackMarks';
import { ManualSearch } from './ManualSearch';
import { type LiveCounters, ProgressPanel } from './ProgressPanel';
import { ScanField } from './ScanField';
import { useCounting } from './useCounting';

interface Props {
  stocktakeId: number;
  counting: boolean;
  /** scans are read for this stocktake (false while the scanner test has them) */
  capture: boolean;
  fieldRef: RefObject<HTMLInputElement | null>;
  progress: StocktakeProgress | undefined;
  actions: LineActions | null;
  /** answers came (the page re-reads its tables at its own pace) */
  onAnswered: () => void;
}

/**
 * The scan field, the feedback, this PC's scans, manual search and the progress. This component
 * does not redraw per scan: the feedback, the list, the pending hint and the live counters each
 * subscribe to the queue, so an answer redraws only what shows it.
 */
export const ScanArea = memo(function ScanArea({ stocktakeId, counting, capture, fieldRef, progress, actions, onAnswered }: Props) {
  const { queue, manual } = useCounting(stocktakeId, capture, fieldRef, onAnswered);
  const marker = useFeedbackMarker(queue);
  return (
    <Row gutter={12} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card styles={{ body: { padding: 16 } }}>
          <Flex vertical gap={12}>
            <ScanField fieldRef={fieldRef} disabled={!counting} queue={queue} />
            <FeedbackPanel queue={queue} actions={actions} onShown={marker} />
            <DeviceScans queue={queue} onShown={marker} />
            {counting && <ManualSearch disabled={!counting} onPick={(code) => void manual(code, 'search')} />}
          </Flex>
        </Card>
      </Col>
      <Col flex="300px">
        <LiveProgress queue={queue} progress={progress} />
      </Col>
    </Row>
  );
});

/** the live counters follow the answers at most this often (the feedback comes first) */
const LIVE_EVERY_MS = 1_000;

/** The progress, with the newest answer's counters while they are newer than the page's read. */
function LiveProgress({ queue, progress }: { queue: ScanQueue; progress: StocktakeProgress | undefined }) {
  const newest = useSyncExternalStore(queue.subscribe, () => queue.latestAnswer()?.ack?.progress ?? null);
  const [live, setLive] = useState<LiveCounters | null>(null);
  const state = useRef({ newest, timer: 0 });
  state.current.newest = newest;
  // a fresh read of the page is newer than every answer before it
  // biome-ignore lint/correctness/useExhaustiveDependencies: `progress` changing is the event
  useEffect(() => setLive(null), [progress]);
  const first = useRef(newest);
  useEffect(() => {
    const s = state.current;
    // an answer from before this page opened is older than the page's read
    if (newest === first.current || s.timer) return;
    s.timer = window.setTimeout(() => {
      s.timer = 0;
      setLive(s.newest);
    }, LIVE_EVERY_MS);
  }, [newest]);
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return <ProgressPanel progress={progress} latest={live} />;
}
