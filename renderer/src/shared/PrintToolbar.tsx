import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';

interface Props {
  /** the page's own toolbar class (sticky on screen, hidden on paper) */
  className: string;
  /** where 返回 goes when the print page was opened directly (no page before it in the app) */
  fallback: string;
  backLabel: string;
  printLabel: string;
  hint: string;
  /** 打印 waits for the document */
  ready: boolean;
}

/**
 * A print route's screen-only toolbar: 返回 (to the page before, else `fallback`), 打印 (the print
 * dialog, where "save as PDF" makes the PDF) and a hint.
 */
export function PrintToolbar({ className, fallback, backLabel, printLabel, hint, ready }: Props) {
  const navigate = useNavigate();
  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(fallback);
  };
  return (
    <header className={className}>
      <Flex align="center" gap={12} wrap>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={back}>
          {backLabel}
        </Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} disabled={!ready} onClick={() => window.print()}>
          {printLabel}
        </Button>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Flex>
    </header>
  );
}
