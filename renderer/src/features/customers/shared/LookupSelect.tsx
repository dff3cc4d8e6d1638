import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import type { LookupKind } from '../../../../../electron/core/lookups/shared/lookups.contract';
import type { IdPickerProps } from '../../../shared/pickerProps';
import { itemsOf, type LookupTreeNode, lookupTree, useLookups } from '../../lookups/lookupsStore';

interface Props extends IdPickerProps {
  kind: LookupKind;
  disabled?: boolean;
  /** show deactivated items too (filters: old records still carry them) */
  includeInactive?: boolean;
}

interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toTree(nodes: LookupTreeNode[], keep: (active: boolean, id: number) => boolean): TreeOption[] {
  return nodes
    .filter((n) => keep(n.item.active, n.item.id))
    .map((n) => ({ value: n.item.id, title: n.item.name, children: toTree(n.children, keep) }));
}

/**
 * A picker over one managed list: a tree for 客户分类, a plain list otherwise. Offers the active
 * items (and the current value even when it was deactivated since).
 */
export function LookupSelect({ kind, value, onChange, includeInactive, disabled, ...rest }: Props) {
  const items = useLookups((s) => s.items);
  const loaded = useLookups((s) => s.loaded);
  const load = useLookups((s) => s.load);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  const keep = (active: boolean, id: number) => includeInactive || active || id === value;

  const flat = useMemo(
    () =>
      itemsOf(items, kind)
        .filter((i) => includeInactive || i.active || i.id === value)
        .map((i) => ({ value: i.id, label: i.name })),
    [items, kind, value, includeInactive],
  );

  const handle = (v: number | undefined | null) => onChange?.(v ?? null);
  // until the lists are there the picker waits (no choosing from a list that fills in under the pointer)
  // (undefined, not false, when free: a disabled Form still disables it)
  const off = disabled || !loaded ? true : undefined;
  const waiting = { disabled: off, 'aria-disabled': off, loading: !loaded };

  if (kind === 'category') {
    return (
      <TreeSelect<number>
        {...rest}
        {...waiting}
        value={value ?? undefined}
        onChange={handle}
        treeData={toTree(lookupTree(items, kind), keep)}
        allowClear
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeDefaultExpandAll
        popupMatchSelectWidth={false}
      />
    );
  }
  return (
    <Select<number>
      {...rest}
      {...waiting}
      value={value ?? undefined}
      onChange={handle}
      options={flat}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
