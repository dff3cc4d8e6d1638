import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale, markChosenWhileSignedOut, otherLocale } from '../../app/locale';
import { Icon, PlainButton } from './plainAntd';
import { globe } from './signInIcons';

/**
 * The frame of the signed-out screens: app title, a card, the language switch.
 *
 * Drawn with antd's own class names (antd's prebuilt stylesheet styles them) and no antd code
 * (plainAntd.tsx), so the first chunk carries no antd. The markup is Card's and Title's; the
 * skeleton in index.html draws this layout.
 */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="kh-auth">
      <div className="kh-auth-top">
        <SignedOutLanguageSwitch />
      </div>
      <div className="kh-auth-main">
        <h2 className="ant-typography kh-auth-title">{t('app.title')}</h2>
        <div className="ant-card ant-card-bordered kh-auth-card">
          <div className="ant-card-head">
            <div className="ant-card-head-wrapper">
              <div className="ant-card-head-title">{title}</div>
            </div>
          </div>
          <div className="ant-card-body">{children}</div>
        </div>
      </div>
    </div>
  );
}

/**
 * The language switch of the signed-out screens (the shell has LanguageSwitch): nobody is signed
 * in, so the choice is remembered on this machine and wins at sign-in (completeSignIn).
 */
function SignedOutLanguageSwitch() {
  const { t } = useTranslation();
  const other = otherLocale(currentLocale());
  return (
    <PlainButton
      icon={<Icon name="global" data={globe} />}
      lang={other}
      onClick={() => {
        applyLocale(other);
        markChosenWhileSignedOut();
      }}
    >
      {t('language.switchTo')}
    </PlainButton>
  );
}
