import { Card, Col, Flex, Row } from 'antd';
import { memo, type RefObject, useEffect } from 'react';
import type { StocktakeProgress } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { FeedbackPanel, type LineActions } from './FeedbackPanel';
import { ManualSearch } from './ManualSearch';
import { ProgressPanel } from './ProgressPanel';
import { ScanField } from './ScanField';
import { useCounting, useFeedbackMarks, useThrottled } from './useCounting';

interface Props {
  stocktakeId: number;
  counting: boolean;
  fieldRef: RefObject<HTMLInputElement | null>;
  progress: StocktakeProgress | undefined;
  actions: LineActions | null;
  /** how many answers were seen, at most every 1.5 s (the page reads its tables again) */
  onAnswers: (count: number) => void;
}

/**
 * The scan field, the feedback, manual search and the progress: the only part of the page that
 * redraws per scan (a burst is 20 scans a second, each pending → sending → answered); the tables
 * below follow at a calm pace through `onAnswers`.
 */
export const ScanArea = memo(function ScanArea({ stocktakeId, counting, fieldRef, progress, actions, onAnswers }: Props) {
  const scanning = useCounting(stocktakeId, counting, fieldRef);
  useFeedbackMarks(scanning.items);
  const answers = useThrottled(scanning.acked, 1_500);
  useEffect(() => {
    if (answers) onAnswers(answers);
  }, [answers, onAnswers]);
  const latest = scanning.items.find((s) => s.ack)?.ack?.progress ?? null;
  return (
    <Row gutter={12} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card styles={{ body: { padding: 16 } }}>
          <Flex vertical gap={12}>
            <ScanField fieldRef={fieldRef} disabled={!counting} pending={scanning.pending} />
            <FeedbackPanel items={scanning.items} actions={actions} />
            {counting && <ManualSearch disabled={!counting} onPick={(code) => void scanning.manual(code, 'search')} />}
          </Flex>
        </Card>
      </Col>
      <Col flex="300px">
        <ProgressPanel progress={progress} latest={latest} />
      </Col>
    </Row>
  );
});
