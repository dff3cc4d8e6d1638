import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChangeLine, changeText } from './formatChanges';

/** Lines shown before 展开: a new customer logs twenty fields, and a row should stay a row. */
const FOLDED = 4;

/** The changed fields of one log row: 字段：前 → 后, long values cut with the whole text on hover. */
export function AuditChanges({ lines }: { lines: ChangeLine[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (lines.length === 0) return <>{t('common.empty')}</>;
  const shown = open ? lines : lines.slice(0, FOLDED);
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      {shown.map((l) => (
        <Typography.Text key={l.field} className="kh-audit-line" ellipsis={{ tooltip: changeText(l) }}>
          <Typography.Text strong>{l.label}</Typography.Text>
          {t('customers.history.colon')}
          {l.before !== null && (
            <>
              <Typography.Text type="secondary" delete>
                {l.before}
              </Typography.Text>
              {' → '}
            </>
          )}
          {l.after}
        </Typography.Text>
      ))}
      {lines.length > FOLDED && (
        <Button type="link" size="small" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => setOpen(!open)}>
          {open ? t('audit.lessChanges') : t('audit.moreChanges', { count: lines.length - FOLDED })}
        </Button>
      )}
    </Flex>
  );
}
