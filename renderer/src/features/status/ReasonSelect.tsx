import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isSessionError } from '../../api/index';
import { errorText } from '../../shared/apiErrors';
import { itemsOf, useLookups } from '../lookups/lookupsStore';

interface Props {
  /** from the Form.Item it stands in (with its id and aria-describedby / aria-invalid, passed on) */
  value?: number;
  onChange?: (id: number) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  disabled?: boolean;
  placeholder?: string;
  /** a reason's key filled in once the list is there, never over a choice already made */
  presetKey?: string;
  /** the list could not be loaded (the dialog says so itself) */
  onLoadError: (text: string) => void;
}

/**
 * The deactivation / freeze reason, from the managed list the customer pages share (loaded once;
 * active reasons only). Until the list is there the field is disabled, so nobody picks from a list
 * still filling in under the pointer. Used by the 停用/冻结 dialog and the stocktake's bulk
 * deactivation.
 */
export function ReasonSelect({ value, onChange, disabled, placeholder, presetKey, onLoadError, ...field }: Props) {
  const { t } = useTranslation();
  const lookups = useLookups((s) => s.items);
  const loaded = useLookups((s) => s.loaded);
  const load = useLookups((s) => s.load);
  const reasons = useMemo(() => itemsOf(lookups, 'deactivationReason').filter((i) => i.active), [lookups]);
  const failed = useRef(onLoadError);
  failed.current = onLoadError;

  useEffect(() => {
    load().catch((e) => {
      if (!isSessionError(e)) failed.current(errorText(e));
    });
  }, [load]);

  const preset = presetKey ? reasons.find((r) => r.key === presetKey) : undefined;
  // once, when the preset first appears, and only into an empty field: a choice made stays
  const presetDone = useRef(false);
  useEffect(() => {
    if (presetDone.current || !preset) return;
    presetDone.current = true;
    if (value == null) onChange?.(preset.id);
  }, [preset, value, onChange]);

  return (
    <Select<number>
      {...field}
      value={value}
      onChange={onChange}
      options={reasons.map((r) => ({ value: r.id, label: r.name }))}
      disabled={disabled || !loaded}
      aria-disabled={disabled || !loaded}
      loading={!loaded}
      notFoundContent={loaded ? undefined : <Spin size="small" />}
      placeholder={placeholder ?? t('status.fields.reasonPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
