import { Navigate, Route, Routes } from 'react-router';
import { hasPermission, useSession } from '../../stores/session';
import { LookupsPage } from '../lookups/LookupsPage';
import './customers.css';
import { CustomerDetailPage } from './detail/CustomerDetailPage';
import { CustomerFormPage } from './form/CustomerFormPage';
import { CustomerListPage } from './list/CustomerListPage';

/**
 * 客户 (the `customers/*` menu entry): the list, 新增客户 (`new`), a customer (`:id`), its edit
 * form (`:id/edit`) and 基础资料, the managed lists (`lists`). Pages the user may not use get no route.
 */
export function CustomersPage() {
  const user = useSession((s) => s.user);
  const can = (permission: string) => hasPermission(user, permission);
  return (
    <Routes>
      <Route index element={<CustomerListPage />} />
      {can('customer.create') && <Route path="new" element={<CustomerFormPage key="new" mode="create" />} />}
      {can('lookup.manage') && <Route path="lists" element={<LookupsPage />} />}
      <Route path=":id" element={<CustomerDetailPage />} />
      {can('customer.edit') && <Route path=":id/edit" element={<CustomerFormPage mode="edit" />} />}
      <Route path="*" element={<Navigate to="/customers" replace />} />
    </Routes>
  );
}
