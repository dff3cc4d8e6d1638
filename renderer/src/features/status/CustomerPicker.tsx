import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../../electron/core/customers/shared/customers.contract';
import type { IdPickerProps } from '../../shared/pickerProps';
import { useCall } from '../../shared/useCall';
import { useDebounced } from '../../shared/useDebounced';

interface Option {
  value: number;
  label: string;
}

interface Props extends IdPickerProps {
  /** customers never offered (e.g. the one being retired) */
  excludeIds?: readonly number[];
  /** states offered; default: active only (pickers for new documents and merge survivors) */
  statuses?: readonly CustomerStatus[];
}

const SEARCH_DELAY_MS = 250;
const LIMIT = 20;
const ACTIVE_ONLY: readonly CustomerStatus[] = ['active'];

/**
 * Picks one customer by typing its code, name, pinyin initials or phone (searched in the core as
 * the user types). Offers active customers unless `statuses` says otherwise.
 */
export function CustomerPicker({ value, onChange, excludeIds, statuses = ACTIVE_ONLY, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const q = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const { data, loading } = useCall('customer.search', {
    q: q || undefined,
    filters: { status: [...statuses] },
    limit: LIMIT,
  });
  const exclude = (excludeIds ?? []).join(',');
  const options = useMemo(() => {
    const skip = new Set(exclude.split(',').filter(Boolean).map(Number));
    return (data?.items ?? [])
      .filter((c) => !skip.has(c.id))
      .map((c): Option => ({ value: c.id, label: `${c.code} ${c.name}` }));
  }, [data, exclude]);

  // the chosen customer keeps its label while later searches no longer list it
  const shown =
    chosen && chosen.value === value && !options.some((o) => o.value === value) ? [chosen, ...options] : options;

  return (
    <Select<number, Option>
      {...rest}
      value={value ?? undefined}
      onChange={(v, option) => {
        setChosen(option && !Array.isArray(option) ? option : null);
        onChange?.(v ?? null);
      }}
      options={shown}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={loading ? <Spin size="small" /> : t('status.picker.empty')}
      placeholder={placeholder ?? t('status.picker.placeholder')}
    />
  );
}
