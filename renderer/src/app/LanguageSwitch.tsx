import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useReportError } from '../shared/apiErrors';
import { useSession } from '../stores/session';
import { applyLocale, currentLocale, markChosenWhileSignedOut, otherLocale } from './locale';

/**
 * Switches between Chinese and English at once. Its text names the other language
 * (the English name while Chinese is shown). Signed in, the choice is saved for the user.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const reportError = useReportError();

  const toggle = async () => {
    const next = otherLocale(currentLocale());
    applyLocale(next);
    const { user, phase, setUser } = useSession.getState();
    if (phase !== 'ready' || !user) {
      markChosenWhileSignedOut();
      return;
    }
    setUser({ ...user, locale: next });
    try {
      await call('prefs.setLocale', { locale: next });
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Button icon={<GlobalOutlined aria-hidden />} onClick={() => void toggle()} lang={otherLocale(currentLocale())}>
      {t('language.switchTo')}
    </Button>
  );
}
