import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import {
  LOOKUPS_CHANGED_EVENT,
  type LookupItem,
  type LookupKind,
} from '../../../../electron/core/lookups/shared/lookups.contract';
import { call, connectEvents } from '../../api';

interface LookupsState {
  items: LookupItem[];
  loaded: boolean;
  /** loads every managed list once; `force` reloads (after the lists were edited) */
  load(force?: boolean): Promise<void>;
}

let pending: Promise<void> | null = null;

/** The managed lists (客户分类, 行业, 地区, 信用等级, 结算方式), shared by the customer pages. */
export const useLookups = create<LookupsState>()((set, get) => ({
  items: [],
  loaded: false,
  load: async (force = false) => {
    if (get().loaded && !force) return;
    if (pending && !force) return pending;
    pending = call('lookup.list', {})
      .then(({ items }) => set({ items, loaded: true }))
      .finally(() => {
        pending = null;
      });
    return pending;
  },
}));

/**
 * Keeps the lists current while signed in: a list changed on the 基础资料 page, or on another PC,
 * reloads them here (lists never loaded stay unloaded until a picker wants them).
 */
export function useLookupsFollow(): void {
  useEffect(
    () =>
      connectEvents({
        [LOOKUPS_CHANGED_EVENT]: () => {
          if (useLookups.getState().loaded)
            void useLookups
              .getState()
              .load(true)
              .catch(() => undefined);
        },
      }),
    [],
  );
}

/** Items of one kind in display order (sort, then name). */
export function itemsOf(items: readonly LookupItem[], kind: LookupKind): LookupItem[] {
  return items.filter((i) => i.kind === kind).sort((a, b) => a.sort - b.sort || a.id - b.id);
}

/** The name of an item, or null. */
export function lookupName(items: readonly LookupItem[], id: number | null | undefined): string | null {
  if (id == null) return null;
  return items.find((i) => i.id === id)?.name ?? null;
}

/** A category's path from the root, joined with " / " (e.g. 批发客户 / 华东批发). */
export function lookupPath(items: readonly LookupItem[], id: number | null | undefined): string | null {
  if (id == null) return null;
  const names: string[] = [];
  const seen = new Set<number>();
  let current = items.find((i) => i.id === id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    const parentId = current.parentId;
    current = parentId == null ? undefined : items.find((i) => i.id === parentId);
  }
  return names.length ? names.join(' / ') : null;
}

export interface LookupTreeNode {
  item: LookupItem;
  children: LookupTreeNode[];
}

/** The items of a kind as a tree (parentId); orphans become roots. */
export function lookupTree(items: readonly LookupItem[], kind: LookupKind): LookupTreeNode[] {
  const ofKind = itemsOf(items, kind);
  const nodes = new Map(ofKind.map((item) => [item.id, { item, children: [] as LookupTreeNode[] }]));
  const roots: LookupTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId == null ? undefined : nodes.get(node.item.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The active items of one managed list as Select options (the list loaded on first use). */
export function useLookupOptions(kind: LookupKind): { value: number; label: string }[] {
  const items = useLookups((s) => s.items);
  const load = useLookups((s) => s.load);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  return useMemo(
    () =>
      itemsOf(items, kind)
        .filter((i) => i.active)
        .map((i) => ({ value: i.id, label: i.name })),
    [items, kind],
  );
}
