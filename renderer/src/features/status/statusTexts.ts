import i18n from 'i18next';
import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import type { OpenItem, StatusAction } from '../../../../electron/core/status/shared/status.contract';
import { translateKey, translateOr } from '../../shared/translate';
import { formatCents } from '../../shared/money';
import { statusText } from './StatusTag';

type PreviewItem = ChannelOutput<'customer.statusPreview'>['items'][number];
type ChangeResult = ChannelOutput<'customer.deactivate'>;

/** One open item as text: 未结余额 ¥1,200.00 / 未完成的结算单 3 项，共 ¥5,000.00 / 进行中的盘点 1 项. */
export function openItemText(item: OpenItem): string {
  const kind = translateOr('customers.openItems', item.kind);
  const amount = formatCents(item.amountCents);
  if (amount && item.count <= 1) return i18n.t('status.openItem.amount', { kind, amount });
  if (amount) return i18n.t('status.openItem.countAmount', { kind, count: item.count, amount });
  return i18n.t('status.openItem.count', { kind, count: item.count });
}

/** Refusals said shortly in the preview, whose row already names the customer. */
const SHORT_REFUSALS: Record<string, string> = {
  'customers.errors.notActive': 'status.refusal.wrongState',
  'customers.errors.notFrozen': 'status.refusal.wrongState',
  'customers.errors.notDeactivated': 'status.refusal.wrongState',
  'customers.errors.mergedNoReactivate': 'status.refusal.merged',
  'customers.errors.alreadyScheduled': 'status.refusal.alreadyScheduled',
};

/** Why an action cannot apply to a customer of the preview (the core's key; a short text where known). */
export function refusalText(item: PreviewItem, action: StatusAction): string {
  if (!item.refusal) return '';
  const short = SHORT_REFUSALS[item.refusal];
  if (short) {
    return i18n.t(short, { status: statusText(item.status), verb: actionVerb(action), date: item.scheduledDate ?? '' });
  }
  return translateKey(item.refusal, {
    code: item.code,
    name: item.name,
    reason: item.statusReasonName ?? i18n.t('common.empty'),
    date: item.scheduledDate ?? '',
    since: '',
  });
}

/** The verb of an action (停用, 冻结, 解冻, 启用). */
export function actionVerb(action: StatusAction): string {
  return i18n.t(`status.verb.${action}`);
}

/** "已停用 2 个客户；1 个客户将于生效日期停用" after a change. */
export function doneText(action: StatusAction, result: ChangeResult): string {
  const parts: string[] = [];
  if (result.changed > 0 || result.scheduled === 0)
    parts.push(i18n.t(`status.done.${action}`, { count: result.changed }));
  if (result.scheduled > 0) {
    const date = result.items.find((i) => i.scheduledDate)?.scheduledDate ?? '';
    parts.push(i18n.t('status.done.scheduled', { count: result.scheduled, date }));
  }
  return parts.join(i18n.t('status.done.separator'));
}
