import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VoucherStatus } from '../../../../../electron/core/settlement/shared/settlement.contract';

const COLORS: Record<VoucherStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'gold',
  rejected: 'red',
  settled: 'green',
  void: 'default',
};

/** 草稿 / 待审核 / 已审核 / 已驳回 / 已结清 / 已作废 */
export function VoucherStatusTag({ status }: { status: VoucherStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`settlement.status.${status}`)}
    </Tag>
  );
}
