import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditRow } from '../../../../electron/core/audit/shared/audit.contract';
import { customerPaths } from '../../shared/customerPaths';
import { targetOf } from './formatChanges';

/** The 对象 cell: the kind of record, then its code and name (a customer links to its page; long names wrap). */
export function AuditTarget({ row }: { row: AuditRow }) {
  useTranslation();
  const { kind, label, customerId } = targetOf(row);
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text type="secondary">{kind}</Typography.Text>
      {label &&
        (customerId != null ? (
          <Link to={customerPaths.detail(customerId)} title={label}>
            {label}
          </Link>
        ) : (
          <Typography.Text ellipsis={{ tooltip: label }}>{label}</Typography.Text>
        ))}
    </Flex>
  );
}
