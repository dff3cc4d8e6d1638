import { Select, Spin } from 'antd';
import { type CompositionEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import type { IdPickerProps } from '../../../shared/pickerProps';

interface Option {
  value: number;
  label: string;
}

export interface CustomerPickerProps extends IdPickerProps {
  /** customers never offered (e.g. the one being retired) */
  excludeIds?: readonly number[];
  /** states offered; default: active only (new documents: vouchers, stocktakes; merge survivors) */
  statuses?: readonly CustomerStatus[];
  /** how many matches the list offers */
  limit?: number;
}

const ACTIVE_ONLY: readonly CustomerStatus[] = ['active'];

/**
 * Picks one customer by typing its code, name, pinyin initials, full pinyin, phone or tax ID: the
 * one customer picker of the app (status merge survivor; vouchers and stocktakes to come). It
 * searches the core as the person types, no debounce: each search has a sequence number and an
 * older answer never replaces a newer one; while an IME composes, the pinyin letters are not
 * searched, the committed word is. Offers active customers unless `statuses` says otherwise.
 */
export function CustomerPicker({
  value,
  onChange,
  excludeIds,
  statuses = ACTIVE_ONLY,
  limit = 20,
  placeholder,
  ...rest
}: CustomerPickerProps) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [found, setFound] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [chosen, setChosen] = useState<Option | null>(null);
  const sequence = useRef(0);
  const searched = useRef<string | null>(null);
  const composing = useRef(false);
  const statusKey = statuses.join(',');

  const search = useCallback(
    async (text: string) => {
      const q = text.trim();
      if (q === searched.current) return;
      searched.current = q;
      const mine = ++sequence.current;
      setLoading(true);
      try {
        const result = await call('customer.search', {
          q: q || undefined,
          filters: { status: statusKey.split(',') as CustomerStatus[] },
          limit,
        });
        if (mine !== sequence.current) return;
        setFound(result.items.map((c): Option => ({ value: c.id, label: `${c.code} ${c.name}` })));
      } catch (error) {
        if (mine === sequence.current) reportError(error);
      } finally {
        if (mine === sequence.current) setLoading(false);
      }
    },
    [statusKey, limit, reportError],
  );

  // the first customers before anything is typed (and again when the states offered change)
  useEffect(() => {
    searched.current = null;
    void search('');
  }, [search]);

  const exclude = (excludeIds ?? []).join(',');
  const options = useMemo(() => {
    const skip = new Set(exclude.split(',').filter(Boolean).map(Number));
    return found.filter((o) => !skip.has(o.value));
  }, [found, exclude]);
  // the chosen customer keeps its label while later searches no longer list it
  const shown =
    chosen && chosen.value === value && !options.some((o) => o.value === value) ? [chosen, ...options] : options;

  return (
    // the composition events of the select's input bubble here: pinyin letters are not searched
    <span
      style={{ display: 'contents' }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e: CompositionEvent<HTMLSpanElement>) => {
        composing.current = false;
        void search((e.target as HTMLInputElement).value ?? '');
      }}
    >
      <Select<number, Option>
        {...rest}
        value={value ?? undefined}
        onChange={(v, option) => {
          setChosen(option && !Array.isArray(option) ? option : null);
          onChange?.(v ?? null);
        }}
        options={shown}
        allowClear
        showSearch={{
          filterOption: false,
          onSearch: (text) => {
            if (!composing.current) void search(text);
          },
        }}
        notFoundContent={loading ? <Spin size="small" /> : t('customers.picker.empty')}
        placeholder={placeholder ?? t('customers.picker.placeholder')}
      />
    </span>
  );
}
