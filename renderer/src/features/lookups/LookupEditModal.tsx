import { App, Form, Input, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { type LookupItem, type LookupKind, lookupsContract } from '../../../../electron/core/lookups/shared/lookups.contract';
import { call } from '../../api';
import { FormModal } from '../../shared/FormModal';
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
  const items = useLookups((s) => s.items);
  const reload = useLookups((s) => s.load);
  // the item as last loaded: after a stale save the store holds its new version
  const current = edit?.mode === 'edit' ? (items.find((i) => i.id === edit.item.id) ?? edit.item) : null;
  const kind = edit?.mode === 'create' ? edit.kind : edit?.item.kind;
  const isTree = kind === 'category';

  const submit = async (values: Values) => {
    if (!edit) return;
    if (edit.mode === 'create') {
      await call('lookup.create', {
        kind: edit.kind,
        name: values.name,
        parentId: isTree ? (values.parentId ?? null) : null,
        sort: edit.sort,
      });
    } else if (current) {
      await call('lookup.update', {
        id: current.id,
        version: current.version,
        name: values.name,
        parentId: isTree ? (values.parentId ?? null) : current.parentId,
        sort: current.sort,
        active: current.active,
      });
    }
    void message.success(t('common.saved'));
    await reload(true);
    onClose();
  };
  // after a refusal the list is read again (a stale save: the item's new version)
  const reloadQuietly = () => reload(true).catch(() => undefined);

  const initial: Values =
    edit?.mode === 'edit'
      ? { name: edit.item.name, parentId: edit.item.parentId }
      : { name: '', parentId: edit?.parentId ?? null };

  return (
    <FormModal<Values>
      open={!!edit}
      title={
        edit?.mode === 'edit'
          ? t('lookups.renameTitle')
          : t('lookups.addTitle', { kind: kind ? t(`lookups.kinds.${kind}`) : '' })
      }
      fields={FIELDS}
      initialValues={initial}
      onSubmit={submit}
      onCancel={onClose}
      onConflict={() => void reloadQuietly()}
      onFailed={reloadQuietly}
      submitOnEnter
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
    </FormModal>
  );
}
