import { Button, Descriptions, Drawer, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { allocationSchema } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { formatMinute } from '../../../shared/format';
import { formatCents } from '../../../shared/money';
import { useCall } from '../../../shared/useCall';
import { hasPermission, useSession } from '../../../stores/session';
import { AllocateDialog } from './AllocateDialog';
import { Money, moneyColumn } from './money';
import { ReasonDialog } from './ReasonDialog';

type Allocation = z.infer<typeof allocationSchema>;

/** 收款 detail: the payment, its allocations; 反核销 (with a reason), 核销 of the rest, 作废 when nothing is allocated. */
export function PaymentDrawer({
  paymentId,
  onClose,
  onChanged,
}: {
  paymentId: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const p = (key: string, params?: Record<string, unknown>) => t(`settlement.payments.${key}`, params);
  const canCollect = hasPermission(
    useSession((s) => s.user),
    'settlement.collect',
  );
  const detail = useCall('settlement.payment', paymentId ? { id: paymentId } : null);
  const [undoing, setUndoing] = useState<Allocation | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [allocating, setAllocating] = useState(false);
  const d = paymentId && detail.data?.id === paymentId ? detail.data : null;
  const changed = async () => {
    await detail.reload();
    onChanged();
  };

  const columns: TableColumnsType<Allocation> = [
    { key: 'voucher', title: p('alloc.voucher'), dataIndex: 'voucherNo', width: 150 },
    { key: 'amount', title: p('alloc.amount'), ...moneyColumn, render: (_, a) => <Money cents={a.amountCents} /> },
    {
      key: 'what',
      title: p('alloc.what'),
      render: (_, a) => <AllocationNote allocation={a} />,
    },
    { key: 'at', title: p('alloc.at'), width: 150, render: (_, a) => formatMinute(a.at) },
    { key: 'by', title: p('alloc.by'), width: 90, render: (_, a) => a.byName ?? t('common.empty') },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, a) =>
        canCollect && !d?.voided && a.amountCents > 0 && !a.undone ? (
          <Button type="link" size="small" danger style={{ paddingInline: 0 }} onClick={() => setUndoing(a)}>
            {p('alloc.undo')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Drawer
      open={paymentId !== null}
      onClose={onClose}
      size={760}
      title={d ? p('detail.title', { no: d.no }) : p('detail.loading')}
      destroyOnHidden
    >
      {d && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              {
                key: 'customer',
                label: p('fields.customer'),
                span: 2,
                children: `${d.customer.code} ${d.customer.name}`,
              },
              { key: 'date', label: p('fields.date'), children: d.date },
              { key: 'amount', label: p('fields.amount'), children: formatCents(d.amountCents) },
              { key: 'allocated', label: p('list.allocated'), children: formatCents(d.allocatedCents) },
              { key: 'advance', label: p('list.advance'), children: formatCents(d.unallocatedCents) },
              { key: 'method', label: p('fields.method'), children: d.methodName ?? t('common.empty') },
              { key: 'reference', label: p('fields.reference'), children: d.reference ?? t('common.empty') },
              { key: 'memo', label: p('fields.memo'), span: 2, children: d.memo ?? t('common.empty') },
              {
                key: 'created',
                label: p('detail.created'),
                span: 2,
                children: `${d.createdByName ?? ''} ${formatMinute(d.createdAt) ?? ''}`,
              },
              ...(d.voided
                ? [
                    {
                      key: 'voided',
                      label: p('list.voided'),
                      span: 2,
                      children: <Typography.Text type="danger">{d.voidReason}</Typography.Text>,
                    },
                  ]
                : []),
            ]}
          />
          {canCollect && !d.voided && (
            <Flex gap={8}>
              {d.unallocatedCents > 0 && (
                <Button type="primary" onClick={() => setAllocating(true)}>
                  {p('detail.allocate')}
                </Button>
              )}
              {d.allocatedCents === 0 && (
                <Button danger onClick={() => setVoiding(true)}>
                  {p('detail.void')}
                </Button>
              )}
            </Flex>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {p('alloc.title')}
          </Typography.Title>
          <Table<Allocation>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={d.allocations}
            pagination={false}
            locale={{ emptyText: p('alloc.none') }}
          />
          <ReasonDialog
            open={undoing !== null}
            title={p('alloc.undoTitle', { no: undoing?.voucherNo ?? '' })}
            intro={
              undoing && (
                <Typography.Paragraph>
                  {p('alloc.undoIntro', { amount: formatCents(undoing.amountCents) })}
                </Typography.Paragraph>
              )
            }
            okText={p('alloc.undo')}
            onCancel={() => setUndoing(null)}
            onSubmit={async (reason) => {
              if (!undoing) return;
              await call('settlement.allocationUndo', { allocationId: undoing.id, reason });
              setUndoing(null);
              await changed();
            }}
          />
          <ReasonDialog
            open={voiding}
            title={p('detail.voidTitle', { no: d.no })}
            okText={p('detail.void')}
            onCancel={() => setVoiding(false)}
            onSubmit={async (reason) => {
              await call('settlement.paymentVoid', { id: d.id, reason });
              setVoiding(false);
              await changed();
            }}
          />
          <AllocateDialog
            open={allocating}
            payment={{ id: d.id, no: d.no, customerId: d.customer.id, unallocatedCents: d.unallocatedCents }}
            onClose={() => setAllocating(false)}
            onSaved={() => {
              setAllocating(false);
              void changed();
            }}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/** An undo row says why; an allocation undone says so. */
function AllocationNote({ allocation: a }: { allocation: Allocation }) {
  const { t } = useTranslation();
  if (a.undoes) {
    return (
      <Typography.Text type="secondary">
        {t('settlement.payments.alloc.undoRow', { reason: a.reason ?? '' })}
      </Typography.Text>
    );
  }
  return a.undone && <Tag>{t('settlement.payments.alloc.undone')}</Tag>;
}
