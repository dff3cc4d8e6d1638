import type { FormInstance } from 'antd';

const ATTEMPTS = 3;

/**
 * The form's values once every field passes its rules; null when one does not (the field shows
 * why). antd refuses a check as out of date, with no field in error, when a field's own check
 * started while it ran (the field just left on clicking 保存 checks itself on blur): the save then
 * did nothing at all. Such a check is run again.
 */
export async function validateForm<V>(form: FormInstance<V>): Promise<V | null> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await form.validateFields();
    } catch (error) {
      const e = error as { errorFields?: unknown[]; outOfDate?: boolean } | null;
      const onlyOutOfDate = !!e?.outOfDate && !e.errorFields?.length;
      if (!onlyOutOfDate || attempt >= ATTEMPTS) return null;
    }
  }
}
