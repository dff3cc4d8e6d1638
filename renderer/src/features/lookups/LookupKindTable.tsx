import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupItem, LookupKind } from '../../../../electron/core/lookups/shared/lookups.contract';
import { call } from '../../api';
import { useAction } from '../../shared/useCall';
import { type LookupEdit, LookupEditModal } from './LookupEditModal';
import { itemsOf, type LookupTreeNode, lookupTree, useLookups } from './lookupsStore';

interface Row {
  key: number;
  item: LookupItem;
  children?: Row[];
}

function toRows(nodes: LookupTreeNode[]): Row[] {
  return nodes.map((n) => ({
    key: n.item.id,
    item: n.item,
    children: n.children.length ? toRows(n.children) : undefined,
  }));
}

const SORT_STEP = 10;

/** One managed list: add, rename, move up / down, deactivate / reactivate (items are never deleted). */
export function LookupKindTable({ kind }: { kind: LookupKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const items = useLookups((s) => s.items);
  const reload = useLookups((s) => s.load);
  const [edit, setEditState] = useState<LookupEdit | null>(null);
  // a fresh dialog (and form) for every add / rename, even while the last one is still closing
  const [editSeq, setEditSeq] = useState(0);
  const setEdit = (next: LookupEdit | null) => {
    if (next) setEditSeq((n) => n + 1);
    setEditState(next);
  };
  const { busy, run: runAction } = useAction();
  const isTree = kind === 'category';

  const siblingsOf = (item: LookupItem) => itemsOf(items, kind).filter((i) => i.parentId === item.parentId);
  const nextSort = (parentId: number | null) => {
    const sorts = itemsOf(items, kind)
      .filter((i) => i.parentId === parentId)
      .map((i) => i.sort);
    return (sorts.length ? Math.max(...sorts) : 0) + SORT_STEP;
  };

  const update = (item: LookupItem, patch: Partial<Pick<LookupItem, 'sort' | 'active'>>) =>
    call('lookup.update', {
      id: item.id,
      version: item.version,
      name: item.name,
      parentId: item.parentId,
      sort: patch.sort ?? item.sort,
      active: patch.active ?? item.active,
    });

  /** A change of the list; the list is read again afterwards, whether it worked or not. */
  const run = (work: () => unknown, done?: string) =>
    runAction(async () => {
      try {
        await work();
        if (done) void message.success(done);
      } finally {
        await reload(true).catch(() => undefined);
      }
    });

  /** Swaps the item with its neighbour and renumbers the siblings (only changed ones are saved). */
  const move = (item: LookupItem, delta: -1 | 1) =>
    run(async () => {
      const siblings = siblingsOf(item);
      const from = siblings.findIndex((s) => s.id === item.id);
      const to = from + delta;
      if (to < 0 || to >= siblings.length) return;
      const order = [...siblings];
      [order[from], order[to]] = [order[to], order[from]];
      for (const [index, sibling] of order.entries()) {
        const sort = (index + 1) * SORT_STEP;
        if (sibling.sort !== sort) await update(sibling, { sort });
      }
    });

  const rows = isTree ? toRows(lookupTree(items, kind)) : itemsOf(items, kind).map((item) => ({ key: item.id, item }));
  // lists the app refers to by fixed keys (停用原因) show them: renaming is fine, the key stays
  const hasKeys = itemsOf(items, kind).some((i) => i.key);

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t(`lookups.hints.${kind}`, { defaultValue: '' })}</Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setEdit({ mode: 'create', kind, parentId: null, sort: nextSort(null) })}
        >
          {isTree ? t('lookups.addTop') : t('lookups.add')}
        </Button>
      </Flex>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        loading={busy}
        dataSource={rows}
        expandable={isTree ? { defaultExpandAllRows: true } : undefined}
        locale={{ emptyText: t('lookups.empty') }}
        columns={[
          {
            key: 'name',
            title: t('lookups.name'),
            render: (_, r) => <span style={{ opacity: r.item.active ? 1 : 0.55 }}>{r.item.name}</span>,
          },
          ...(hasKeys
            ? [
                {
                  key: 'fixedKey',
                  title: (
                    <Tooltip title={t('lookups.keyHint')}>
                      <span>{t('lookups.key')}</span>
                    </Tooltip>
                  ),
                  width: 160,
                  render: (_: unknown, r: Row) => (
                    <Typography.Text code={!!r.item.key} type={r.item.key ? undefined : 'secondary'}>
                      {r.item.key ?? t('common.empty')}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          {
            key: 'status',
            title: t('lookups.status'),
            width: 100,
            render: (_, r) => (
              <Tag color={r.item.active ? 'green' : 'default'}>
                {t(r.item.active ? 'lookups.active' : 'lookups.inactive')}
              </Tag>
            ),
          },
          {
            key: 'order',
            title: t('lookups.order'),
            width: 110,
            render: (_, r) => {
              const siblings = siblingsOf(r.item);
              const index = siblings.findIndex((s) => s.id === r.item.id);
              return (
                <Space size={0}>
                  <Tooltip title={t('lookups.moveUp')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined aria-hidden />}
                      aria-label={t('lookups.moveUp')}
                      disabled={busy || index <= 0}
                      onClick={() => void move(r.item, -1)}
                    />
                  </Tooltip>
                  <Tooltip title={t('lookups.moveDown')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined aria-hidden />}
                      aria-label={t('lookups.moveDown')}
                      disabled={busy || index < 0 || index >= siblings.length - 1}
                      onClick={() => void move(r.item, 1)}
                    />
                  </Tooltip>
                </Space>
              );
            },
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 260,
            render: (_, r) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEdit({ mode: 'edit', item: r.item })}>
                  {t('lookups.rename')}
                </Button>
                {isTree && r.item.active && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setEdit({ mode: 'create', kind, parentId: r.item.id, sort: nextSort(r.item.id) })}
                  >
                    {t('lookups.addChild')}
                  </Button>
                )}
                <Button
                  type="link"
                  size="small"
                  danger={r.item.active}
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => update(r.item, { active: !r.item.active }),
                      t(r.item.active ? 'lookups.deactivated' : 'lookups.reactivated'),
                    )
                  }
                >
                  {t(r.item.active ? 'lookups.deactivate' : 'lookups.reactivate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <LookupEditModal key={editSeq} edit={edit} onClose={() => setEdit(null)} />
    </>
  );
}
