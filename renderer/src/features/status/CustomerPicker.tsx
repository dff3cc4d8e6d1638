import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../api/index';
import { useReportError } from '../../shared/apiErrors';

interface Option {
  value: number;
  label: string;
}

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
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
  const reportError = useReportError();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const exclude = (excludeIds ?? []).join(',');
  const statusKey = statuses.join(',');

  useEffect(() => {
    const gen = ++generation.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const result = await call('customer.search', {
          q: text.trim() || undefined,
          filters: { status: statusKey.split(',') as CustomerStatus[] },
          limit: LIMIT,
        });
        if (gen !== generation.current) return;
        const skip = new Set(exclude.split(',').filter(Boolean).map(Number));
        setOptions(
          result.items.filter((c) => !skip.has(c.id)).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` })),
        );
      } catch (error) {
        if (gen === generation.current) reportError(error);
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, exclude, statusKey, reportError]);

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
