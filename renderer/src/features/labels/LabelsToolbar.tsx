import { ArrowLeftOutlined, PrinterOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Segmented, Select, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { A4_SHEETS, type LabelLayout, sheetById } from './layouts';
import { type LabelOptions, MAX_COPIES, MAX_OFFSET_MM } from './useLabelOptions';

interface Props {
  layout: LabelLayout;
  onLayout: (layout: LabelLayout) => void;
  options: LabelOptions;
  onOptions: (patch: Partial<LabelOptions>) => void;
  summary: string;
  canPrint: boolean;
  onBack: () => void;
}

/** Layout and sheet options, 打印 and 返回; hidden on paper. */
export function LabelsToolbar({ layout, onLayout, options, onOptions, summary, canPrint, onBack }: Props) {
  const { t } = useTranslation();
  const sheet = sheetById(options.sheetId);
  const mmSuffix = t('labels.mm');
  const hint = (text: string) => (
    <Tooltip title={text}>
      <QuestionCircleOutlined style={{ marginInlineStart: 4, color: 'rgba(0,0,0,.45)' }} />
    </Tooltip>
  );

  return (
    <header className="labels-toolbar">
      <Flex align="center" gap={12} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('labels.back')}
        </Button>
        <Segmented<LabelLayout>
          value={layout}
          onChange={onLayout}
          options={[
            { value: 'a4', label: t('labels.layout.a4') },
            { value: 'thermal', label: t('labels.layout.thermal') },
          ]}
        />
        <Typography.Text type="secondary">{summary}</Typography.Text>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!canPrint} onClick={() => window.print()}>
          {t('labels.print')}
        </Button>
      </Flex>
      <Form layout="inline" className="labels-options" colon={false}>
        {layout === 'a4' && (
          <>
            <Form.Item label={t('labels.sheet')} htmlFor="labels-sheet">
              <Select
                id="labels-sheet"
                style={{ width: 300 }}
                popupMatchSelectWidth={false}
                value={sheet.id}
                onChange={(sheetId) => onOptions({ sheetId })}
                options={A4_SHEETS.map((s) => ({
                  value: s.id,
                  label: t('labels.sheetOption', {
                    cols: s.cols,
                    rows: s.rows,
                    w: s.labelW,
                    h: s.labelH,
                    n: s.cols * s.rows,
                  }),
                }))}
              />
            </Form.Item>
            <Form.Item
              label={
                <>
                  {t('labels.start')}
                  {hint(t('labels.startHint'))}
                </>
              }
              htmlFor="labels-start"
            >
              <InputNumber
                id="labels-start"
                min={1}
                max={sheet.cols * sheet.rows}
                precision={0}
                value={options.start}
                onChange={(v) => onOptions({ start: v ?? 1 })}
                style={{ width: 80 }}
              />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('labels.copies')} htmlFor="labels-copies">
          <InputNumber
            id="labels-copies"
            min={1}
            max={MAX_COPIES}
            precision={0}
            value={options.copies}
            onChange={(v) => onOptions({ copies: v ?? 1 })}
            style={{ width: 80 }}
          />
        </Form.Item>
        <Form.Item
          label={
            <>
              {t('labels.offsetX')}
              {hint(t('labels.offsetHint'))}
            </>
          }
          htmlFor="labels-offset-x"
        >
          <InputNumber
            id="labels-offset-x"
            min={-MAX_OFFSET_MM}
            max={MAX_OFFSET_MM}
            step={0.5}
            precision={1}
            value={options.offsetX}
            onChange={(v) => onOptions({ offsetX: v ?? 0 })}
            suffix={mmSuffix}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item label={t('labels.offsetY')} htmlFor="labels-offset-y">
          <InputNumber
            id="labels-offset-y"
            min={-MAX_OFFSET_MM}
            max={MAX_OFFSET_MM}
            step={0.5}
            precision={1}
            value={options.offsetY}
            onChange={(v) => onOptions({ offsetY: v ?? 0 })}
            suffix={mmSuffix}
            style={{ width: 100 }}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" className="labels-hint">
        {t('labels.printHint')}
      </Typography.Text>
    </header>
  );
}
