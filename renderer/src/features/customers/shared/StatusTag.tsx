import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateOr } from '../../../shared/translate';

const COLORS: Record<string, string> = { active: 'green', inactive: 'default' };

/** A customer's state (正常 / 已停用 …), translated. */
export function StatusTag({ status }: { status: string }) {
  useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {translateOr('customers.status', status)}
    </Tag>
  );
}

/** The state as text (for messages and dialogs). */
export function statusText(status: string): string {
  return translateOr('customers.status', status);
}
