import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A rule's message is made in the language of the moment the field was checked, and antd keeps it:
 * switched to English, a form went on saying 此项为必填项. When the language changes, the fields
 * that show a message are checked again, so their messages follow the screen's language.
 */
export function useRevalidateOnLanguage(form: FormInstance) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const checkedIn = useRef(language);
  useEffect(() => {
    if (checkedIn.current === language) return;
    checkedIn.current = language;
    const showing = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => f.name);
    if (showing.length) form.validateFields(showing).catch(() => null);
  }, [language, form]);
}
