import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { PromisesTab } from './followups/PromisesTab';
import { PaymentsTab } from './payments/PaymentsTab';
import { ReceivablesTab } from './receivables/ReceivablesTab';
import { settlementPaths } from './settlementPaths';
import { VoucherDetailPage } from './vouchers/VoucherDetailPage';
import { VoucherFormPage } from './vouchers/VoucherFormPage';
import { VouchersTab } from './vouchers/VouchersTab';

const TABS = [
  { key: 'vouchers', path: settlementPaths.vouchers },
  { key: 'payments', path: settlementPaths.payments },
  { key: 'receivables', path: settlementPaths.receivables },
  { key: 'promises', path: settlementPaths.promises },
] as const;

/** The four tabs (凭证 / 收款 / 应收账龄 / 跟进), each its own route so a link or Back returns to it. */
function SettlementTabs({ active }: { active: (typeof TABS)[number]['key'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const content = {
    vouchers: <VouchersTab />,
    payments: <PaymentsTab />,
    receivables: <ReceivablesTab />,
    promises: <PromisesTab />,
  }[active];
  return (
    <Card styles={{ body: { padding: '4px 20px 12px' } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(TABS.find((tab) => tab.key === key)?.path ?? settlementPaths.vouchers)}
        items={TABS.map((tab) => ({ key: tab.key, label: t(`settlement.page.tabs.${tab.key}`) }))}
      />
      {content}
    </Card>
  );
}

/**
 * 结算 (the `settlement/*` menu entry): the tabs, a voucher's page (`settlement/vouchers/:id`), the
 * voucher form (`settlement/vouchers/new`, `settlement/vouchers/:id/edit`).
 */
export function SettlementPage() {
  const location = useLocation();
  return (
    <Routes>
      <Route index element={<SettlementTabs active="vouchers" />} />
      <Route path="payments" element={<SettlementTabs active="payments" />} />
      <Route path="receivables" element={<SettlementTabs active="receivables" />} />
      <Route path="promises" element={<SettlementTabs active="promises" />} />
      <Route path="vouchers/new" element={<VoucherFormPage key={location.key} />} />
      <Route path="vouchers/:id" element={<VoucherDetailPage />} />
      <Route path="vouchers/:id/edit" element={<VoucherFormPage />} />
      <Route path="*" element={<Navigate to={settlementPaths.vouchers} replace />} />
    </Routes>
  );
}
