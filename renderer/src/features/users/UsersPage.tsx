import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Space, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../electron/core/users/shared/users.contract';
import { call } from '../../api';
import { formatDateTime } from '../../shared/format';
import { useAction, useCall } from '../../shared/useCall';
import { useSession } from '../../stores/session';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RoleTags } from './RoleTags';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { UserStatus } from './UserStatus';

/** User management: list, add, edit, reset password, disable / enable. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { run } = useAction();
  const me = useSession((s) => s.user);
  const { data, loading, reload } = useCall('user.list', {});
  const rows = data?.items ?? [];
  const [creating, setCreating] = useState(false);
  /** the user being edited, by id: after a stale save the reloaded row (its new version) is edited */
  const [editingId, setEditingId] = useState<number | null>(null);
  const editing = rows.find((r) => r.id === editingId) ?? null;
  const [resetting, setResetting] = useState<UserRow | null>(null);

  /** After changing one's own account, fetch the session user again (name, permissions). */
  const refreshMe = async (changedId: number) => {
    if (changedId !== me?.id) return;
    try {
      const status = await call('auth.status', {});
      if (status.user) useSession.getState().setUser(status.user);
    } catch {
      // the next status check will catch up
    }
  };

  const setDisabled = async (row: UserRow, disabled: boolean) => {
    await run(async () => {
      await call('user.setDisabled', { id: row.id, version: row.version, disabled });
      void message.success(t(disabled ? 'users.disabledDone' : 'users.enabledDone'));
    });
    await reload();
  };

  const columns: TableColumnsType<UserRow> = [
    { key: 'username', dataIndex: 'username', title: t('users.columns.username') },
    { key: 'displayName', dataIndex: 'displayName', title: t('users.columns.displayName') },
    { key: 'roles', title: t('users.columns.roles'), render: (_, row) => <RoleTags roles={row.roles} /> },
    { key: 'status', title: t('users.columns.status'), render: (_, row) => <UserStatus user={row} /> },
    {
      key: 'lastLogin',
      title: t('users.columns.lastLogin'),
      render: (_, row) => formatDateTime(row.lastLoginAt) ?? t('common.empty'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditingId(row.id)}>
            {t('users.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(row)}>
            {t('users.resetPassword')}
          </Button>
          <Popconfirm
            title={t(row.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: row.username })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => setDisabled(row, !row.disabled)}
          >
            <Button type="link" size="small" danger={!row.disabled}>
              {t(row.disabled ? 'users.enable' : 'users.disable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('users.add')}
        </Button>
      </Flex>
      <Table<UserRow>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        onRow={(row) => ({ 'data-username': row.username }) as HTMLAttributes<HTMLElement>}
      />
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void reload();
        }}
      />
      <UserEditModal
        user={editing}
        onClose={() => setEditingId(null)}
        onSaved={(saved) => {
          setEditingId(null);
          if (saved) void refreshMe(saved.id);
          void reload();
        }}
        onStale={() => void reload()}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onSaved={() => {
          setResetting(null);
          void reload();
        }}
      />
    </Card>
  );
}
