import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LookupItem, type LookupKind, lookupsContract } from '../../../../electron/core/lookups/lookups.contract';
import { call } from '../../api';
import { useReportError } from '../../shared/apiErrors';
import { zodRule } from '../../shared/zodRule';
import { type LookupTreeNode, lookupTree, useLookups } from './lookupsStore';

/** Adding an item (optionally below a parent) or renaming / moving one. */
export type LookupEdit =
  | { mode: 'create'; kind: LookupKind; parentId: number | null; sort: number }
  | { mode: 'edit'; item: LookupItem };

interface Values {
  name: string;
  parentId?: number | null;
}

const nameSchema = lookupsContract['lookup.create'].input.shape.name;
const FIELDS = ['name', 'parentId'] as const;

interface ParentOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: ParentOption[];
}

/** Category parents: the item itself and everything below it cannot become its parent. */
function parentOptions(nodes: LookupTreeNode[], exclude: number | null): ParentOption[] {
  return nodes
    .filter((n) => n.item.id !== exclude)
    .map((n) => ({
      value: n.item.id,
      title: n.item.name,
      disabled: !n.item.active,
      children: parentOptions(n.children, exclude),
    }));
}

export function LookupEditModal({ edit, onClose }: { edit: LookupEdit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const items = useLookups((s) => s.items);
  const reload = useLookups((s) => s.load);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = edit?.mode === 'create' ? edit.kind : edit?.item.kind;
  const isTree = kind === 'category';

  const submit = async () => {
    if (!edit) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      if (edit.mode === 'create') {
        await call('lookup.create', {
          kind: edit.kind,
          name: values.name,
          parentId: isTree ? (values.parentId ?? null) : null,
          sort: edit.sort,
        });
      } else {
        await call('lookup.update', {
          id: edit.item.id,
          version: edit.item.version,
          name: values.name,
          parentId: isTree ? (values.parentId ?? null) : edit.item.parentId,
          sort: edit.item.sort,
          active: edit.item.active,
        });
      }
      void message.success(t('common.saved'));
      await reload(true);
      onClose();
    } catch (error) {
      reportError(error, form, FIELDS);
      await reload(true).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const initial: Values =
    edit?.mode === 'edit'
      ? { name: edit.item.name, parentId: edit.item.parentId }
      : { name: '', parentId: edit?.parentId ?? null };

  return (
    <Modal
      open={!!edit}
      title={
        edit?.mode === 'edit'
          ? t('lookups.renameTitle')
          : t('lookups.addTitle', { kind: kind ? t(`lookups.kinds.${kind}`) : '' })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onFinish={() => void submit()}
      >
        <Form.Item name="name" label={t('lookups.name')} required rules={[zodRule(nameSchema)]}>
          <Input autoComplete="off" maxLength={50} autoFocus />
        </Form.Item>
        {isTree && (
          <Form.Item name="parentId" label={t('lookups.parent')}>
            <TreeSelect<number>
              allowClear
              placeholder={t('lookups.topLevel')}
              treeDefaultExpandAll
              treeData={parentOptions(lookupTree(items, 'category'), edit?.mode === 'edit' ? edit.item.id : null)}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
