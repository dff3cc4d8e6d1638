import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateOr } from '../../shared/translate';

/** 正常 green, 冻结 blue (a temporary hold), 已停用 grey (retired). */
const COLORS: Record<string, string> = { active: 'green', frozen: 'geekblue', deactivated: 'default' };

/** A customer's state (正常 / 冻结 / 已停用), translated. */
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
