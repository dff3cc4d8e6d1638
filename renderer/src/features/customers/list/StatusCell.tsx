import { ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { formatMinute } from '../../../shared/format';
import { translateOr } from '../../../shared/translate';
import './list.css';

/** Who changed the state, when, why, and the memo (the status cell's tooltip). */
function StatusFacts({ row, t }: { row: CustomerListRow; t: TFunction }) {
  const lines: [string, string | null][] = [
    ['by', row.statusChangedByName],
    ['at', formatMinute(row.statusChangedAt)],
    ['reason', row.statusReasonName],
    ['memo', row.statusMemo],
  ];
  return (
    <div>
      {lines
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>{t(`customers.statusTip.${k}`, { value: v })}</div>
        ))}
      {row.scheduledDeactivation && (
        <div>{t('customers.statusTip.scheduled', { date: row.scheduledDeactivation })}</div>
      )}
    </div>
  );
}

/**
 * The list's 状态 cell: the state as a plain tag (styled like antd's Tag in list.css: a list
 * row draws ~20 of them per keystroke, an antd Tag and Tooltip each cost far more), and a planned
 * deactivation. The who / when / why tooltip is mounted on the first hover or focus only.
 */
export function StatusCell({ row, t }: { row: CustomerListRow; t: TFunction }) {
  const [tip, setTip] = useState(false);
  const hasFacts = !!(row.statusChangedAt || row.scheduledDeactivation);
  const content = (
    <span className="kh-status">
      <span className={`kh-status-tag kh-status-${row.status}`}>{translateOr('customers.status', row.status)}</span>
      {row.scheduledDeactivation && (
        <span
          className="kh-status-planned"
          role="note"
          aria-label={t('customers.statusTip.scheduled', { date: row.scheduledDeactivation })}
        >
          <ClockCircleOutlined aria-hidden /> {t('customers.list.scheduledMark')}
        </span>
      )}
    </span>
  );
  if (!hasFacts) return content;
  const wake = tip ? undefined : () => setTip(true);
  const target = (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering shows the facts' tooltip (the facts are on the customer's page too)
    <span className="kh-status-target" onMouseEnter={wake} onFocus={wake}>
      {content}
    </span>
  );
  return tip ? (
    <Tooltip title={<StatusFacts row={row} t={t} />} placement="topLeft" defaultOpen>
      {target}
    </Tooltip>
  ) : (
    target
  );
}
