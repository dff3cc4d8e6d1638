import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatusInfo } from '../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../api/index';
import { useAction } from '../../shared/useCall';
import { formatMinute } from '../../shared/format';
import { hasPermission, useSession } from '../../stores/session';
import { customerPaths } from '../../shared/customerPaths';

/** 操作人 张经理 · 时间 2026-01-05 09:30 · 原因 合同到期 · 备注 … (only the parts that exist). */
function Facts({ parts }: { parts: [label: string, value: string | null][] }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap="2px 20px">
      {parts
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <span key={label}>
            <Typography.Text type="secondary">{`${label}${t('status.banner.colon')}`}</Typography.Text>
            <Typography.Text>{value}</Typography.Text>
          </span>
        ))}
    </Flex>
  );
}

function MergedInto({ target, future }: { target: { id: number; code: string; name: string }; future?: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      {t(future ? 'status.banner.willMergeInto' : 'status.banner.mergedInto')}
      <Link to={customerPaths.detail(target.id)}>{`${target.code} ${target.name}`}</Link>
    </div>
  );
}

/**
 * The state of a customer that is not simply active, at the top of its page: 已停用 / 冻结 with
 * who, when, why and the memo, the survivor of a merge, and a planned deactivation (取消计划).
 */
export function StatusBanner({
  customerId,
  info,
  onChanged,
}: {
  customerId: number;
  info: StatusInfo;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useSession((s) => s.user);
  const { busy, run } = useAction();
  const s = info.scheduled;

  const cancelPlan = () =>
    run(async () => {
      await call('customer.cancelScheduled', { id: customerId });
      void message.success(t('status.done.cancelScheduled'));
      onChanged();
    });

  const facts = (
    <Facts
      parts={[
        [t('status.banner.by'), info.changedByName],
        [t('status.banner.at'), formatMinute(info.changedAt)],
        [t('status.banner.reason'), info.reasonName],
        [t('status.banner.memo'), info.memo],
      ]}
    />
  );

  return (
    <>
      {info.status !== 'active' && (
        <Alert
          role="status"
          type={info.status === 'deactivated' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`status.banner.${info.status}`)}
          description={
            <>
              {facts}
              {info.mergedInto && <MergedInto target={info.mergedInto} />}
            </>
          }
        />
      )}
      {s && (
        <Alert
          role="status"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('status.banner.scheduled', { date: s.effectiveDate })}
          description={
            <>
              <Facts
                parts={[
                  [t('status.banner.reason'), s.reasonName],
                  [t('status.banner.memo'), s.memo],
                  [t('status.banner.setBy'), s.byName],
                  [t('status.banner.setAt'), formatMinute(s.createdAt)],
                ]}
              />
              {s.mergedInto && <MergedInto target={s.mergedInto} future />}
            </>
          }
          action={
            hasPermission(user, 'customer.deactivate') && (
              <Popconfirm
                title={t('status.banner.cancelConfirm', { date: s.effectiveDate })}
                okText={t('status.banner.cancelPlan')}
                cancelText={t('common.cancel')}
                onConfirm={() => void cancelPlan()}
              >
                <Button size="small" loading={busy}>
                  {t('status.banner.cancelPlan')}
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
    </>
  );
}
