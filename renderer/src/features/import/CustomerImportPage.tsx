import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useSession } from '../../stores/session';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';

/** 导入 / 导出: import customers from .xlsx / .csv, export the (filtered) list. `?tab=export` opens the export. */
export function CustomerImportPage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const [params, setParams] = useSearchParams();
  const canImport = hasPermission(user, 'customer.import');
  const canExport = hasPermission(user, 'customer.export');
  const items = [
    ...(canImport ? [{ key: 'import', label: t('import.tabs.import'), children: <ImportWizard /> }] : []),
    ...(canExport ? [{ key: 'export', label: t('import.tabs.export'), children: <ExportPanel /> }] : []),
  ];
  const wanted = params.get('tab') === 'export' ? 'export' : 'import';
  const active = items.some((i) => i.key === wanted) ? wanted : items[0]?.key;
  return (
    <>
      <Typography.Title level={3}>{t('import.title')}</Typography.Title>
      <Tabs
        activeKey={active}
        items={items}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          setParams(next, { replace: true });
        }}
      />
    </>
  );
}
