import i18n from 'i18next';
import { afterAll, describe, expect, it, vi } from 'vitest';
import '../../../renderer/src/app/i18n';
import { ApiCallError } from '../../../renderer/src/api/errors';
import { errorText } from '../../../renderer/src/shared/apiErrors';

vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

// Issue 12, item 6: a stale save of a user or a list item says who changed it, when and what —
// the dialogs show errorText(error), so the words come from there (fields by label, time readable).

const conflict = (fields: string[], by = ['王五']) =>
  new ApiCallError({ code: 'CONFLICT', messageKey: 'errors.changedBy', params: { by, at: '2026-01-05T02:32:00.000Z', fields } });

afterAll(() => i18n.changeLanguage('zh-CN'));

describe('a stale save in words', () => {
  it('names who, when (local minute) and the changed fields by their labels', async () => {
    await i18n.changeLanguage('zh-CN');
    const text = errorText(conflict(['displayName', 'roles']));
    expect(text).toContain('王五');
    expect(text).toMatch(/2026-01-05 \d\d:32/);
    expect(text).toContain('显示名称');
    expect(text).toContain('角色');
    expect(text).not.toMatch(/displayName|T02:32|Z\b/);
    await i18n.changeLanguage('en');
    expect(errorText(conflict(['name']))).toMatch(/^王五 changed \S.* at 2026-01-05 \d\d:32$/);
    expect(errorText(conflict(['name']))).not.toContain('名称');
  });

  it('names each person once, whatever their display names hold: a comma does not split a name', async () => {
    await i18n.changeLanguage('zh-CN');
    const text = errorText(conflict(['phone'], ['张三, 李四', '王五']));
    expect(text).toMatch(/^张三, 李四、王五 于 2026-01-05 \d\d:32 修改了 /);
    await i18n.changeLanguage('en');
    expect(errorText(conflict(['phone'], ['张三, 李四', '王五']))).toMatch(/^张三, 李四, 王五 changed /);
  });

  it('a change that names no field (a password reset) still says who and when', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(errorText(conflict([]))).toMatch(/^王五 于 2026-01-05 \d\d:32 修改了此记录$/);
  });
});
