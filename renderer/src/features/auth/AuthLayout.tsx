import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/**
 * The frame of the signed-out screens: app title, a card, the language switch.
 *
 * Drawn with antd's own class names (antd's prebuilt stylesheet styles them, see App.tsx) instead
 * of <Card> and <Typography.Title>: Card brings Tabs, Menu and Skeleton, Title brings Tooltip and
 * the copy/edit/ellipsis code, ~140 KB the sign-in screen would load, compile and run for a box
 * and a heading. The markup is Card's and Title's; the skeleton in index.html draws this layout.
 */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="kh-auth">
      <div className="kh-auth-top">
        <LanguageSwitch />
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
